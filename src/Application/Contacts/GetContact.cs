using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Activity;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

/// <summary>The back-office contact page: details, company and members, portal access with delivery state and history.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record GetContact(int Id) : IStaffRequest, IRequest<ContactView>;

public sealed record ContactView(
    int Id,
    ContactKind Kind,
    string Name,
    string? Email,
    ContactDetails Details,
    int? CompanyId,
    string? CompanyName,
    IReadOnlyList<ContactMember> Members,
    PortalAccessView? Access,
    string? ExternalReference = null,
    DateTimeOffset? UpdatedAt = null,
    DateTimeOffset? EmailUndeliverableSince = null);

public sealed record ContactMember(int Id, string Name, string? Email, PortalAccessState? AccessState);

public sealed record PortalAccessView(
    PortalAccessState State,
    string Login,
    DateTimeOffset? LastSignInAt,
    InvitationSummary? LatestInvitation,
    IReadOnlyList<AccessHistoryEntry> History,
    PendingEmailChange? PendingEmailChange,
    bool IsCompanyAdministrator = false,
    IReadOnlyList<SentReminder>? Reminders = null);

/// <summary>A reminder of the current invitation that went out: halfway (<paramref name="IsLast"/> false) or the last one.</summary>
public sealed record SentReminder(bool IsLast, DateTimeOffset SentAt);

/// <summary>An e-mail change waiting for the customer's confirmation from <see cref="NewEmail"/>.</summary>
public sealed record PendingEmailChange(string NewEmail, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt);

public sealed record InvitationSummary(
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    InvitationStatus Status,
    OutboxStatus? DeliveryStatus,
    DateTimeOffset? DeliveredAt,
    string? DeliveryError);

public sealed record AccessHistoryEntry(
    PortalAccessEventKind Kind, DateTimeOffset OccurredAt, string Actor, ActivityActorKind ActorKind = ActivityActorKind.Staff);

public sealed class GetContactHandler(IReadRepository<Contact> contacts, IRecordReader<OutboxMessage> outbox, TimeProvider clock)
    : IRequestHandler<GetContact, ContactView>
{
    public async ValueTask<ContactView> Handle(GetContact query, CancellationToken cancellationToken)
    {
        var contact = await contacts.FirstOrDefaultAsync(new ContactPageSpec(query.Id), cancellationToken)
            ?? throw new NotFoundException("Contact");
        var members = contact.Kind == ContactKind.Company
            ? await contacts.ListAsync(new CompanyMembersSpec(contact.Id), cancellationToken)
            : [];

        PortalAccessView? access = null;
        if (contact.PortalUser is { } user)
        {
            InvitationSummary? latest = null;
            if (user.LatestInvitation is { } invitation)
            {
                var mail = invitation.MailId is { } mailId ? await outbox.GetByIdAsync(mailId, cancellationToken) : null;
                latest = new InvitationSummary(invitation.CreatedAt, invitation.ExpiresAt, invitation.StatusAt(clock.GetUtcNow()),
                    mail?.Status, mail?.SentAt, mail?.LastError);
            }
            access = new PortalAccessView(
                user.State,
                user.Login,
                user.LastSignInAt,
                latest,
                user.History.OrderByDescending(h => h.OccurredAt).ThenByDescending(h => h.Id)
                    .Select(h => new AccessHistoryEntry(h.Kind, h.OccurredAt, h.Actor, h.ActorKind)).ToList(),
                user.PendingEmailChange(clock.GetUtcNow()) is { } pending
                    ? new PendingEmailChange(pending.NewEmail!, pending.CreatedAt, pending.ExpiresAt)
                    : null,
                user.IsCompanyAdministrator,
                RemindersOf(user));
        }

        var details = new ContactDetails(contact.Name, contact.Phone, contact.Street, contact.PostalCode, contact.City,
            contact.CountryCode, contact.VatNumber, contact.CompanyName, contact.PreferredLanguage);
        return new ContactView(contact.Id, contact.Kind, contact.Name, contact.Email, details, contact.CompanyId,
            contact.Company?.Name ?? contact.CompanyName, members, access, contact.ExternalReference,
            contact.UpdatedAt, contact.EmailUndeliverableSince);
    }

    /// <summary>The reminders of the latest invitation proper (a reminder's own link is never reminded of).</summary>
    private static List<SentReminder> RemindersOf(PortalUser user)
    {
        var current = user.Invitations.Where(i => i.RemindAt is not null).MaxBy(i => i.CreatedAt);
        var reminders = new List<SentReminder>();
        if (current?.RemindedAt is { } first) reminders.Add(new SentReminder(false, first));
        if (current?.FinalRemindedAt is { } last) reminders.Add(new SentReminder(true, last));
        return reminders;
    }
}

public sealed class ContactPageSpec : Specification<Contact>, ISingleResultSpecification<Contact>
{
    public ContactPageSpec(int contactId)
    {
        Query.Where(c => c.Id == contactId)
            .Include(c => c.Company)
            .Include(c => c.PortalUser!).ThenInclude(u => u.Invitations)
            .Include(c => c.PortalUser!).ThenInclude(u => u.History)
            .Include(c => c.PortalUser!).ThenInclude(u => u.Tokens)
            .AsNoTracking()
            .AsSplitQuery();
    }
}

public sealed class CompanyMembersSpec : Specification<Contact, ContactMember>
{
    public CompanyMembersSpec(int companyId)
    {
        Query.Where(c => c.CompanyId == companyId).OrderBy(c => c.Name).AsNoTracking();
        Query.Select(c => new ContactMember(c.Id, c.Name, c.Email, c.PortalUser != null ? c.PortalUser.State : null));
    }
}
