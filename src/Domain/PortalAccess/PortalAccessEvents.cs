using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Domain.PortalAccess;

/// <summary>A contact's portal access changed: granted, re-invited, accepted, revoked, or its login (e-mail) changed.</summary>
public sealed record PortalAccessChanged(
    int ContactId,
    string Login,
    PortalAccessEventKind Kind,
    string Actor,
    DateTimeOffset OccurredAt,
    string ContactName = "",
    Contact? NewContact = null,
    ActivityActorKind ActorKind = ActivityActorKind.Staff,
    string? Detail = null)
    : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId)
    {
        var kind = ActivityKindOf(Kind);
        // The customer's own moves: whoever is signed in (if anyone) is not the actor.
        int? actor = Kind is PortalAccessEventKind.Accepted or PortalAccessEventKind.EmailChanged or PortalAccessEventKind.EmailChangeReported
            or PortalAccessEventKind.NewLinkRequested
            ? null
            : actorUserId;
        var subject = ContactName.Length > 0 ? $"{ContactName} <{Login}>" : Login;
        return NewContact is not null
            ? ActivityEntry.ForNewContact(kind, OccurredAt, actor, Actor, NewContact, subject, ActorKind)
            : ActivityEntry.ForContact(kind, OccurredAt, actor, Actor, ContactId, subject, Detail, ActorKind);
    }

    public static ActivityKind ActivityKindOf(PortalAccessEventKind kind) => kind switch
    {
        PortalAccessEventKind.Granted => ActivityKind.AccessGranted,
        PortalAccessEventKind.ReInvited => ActivityKind.AccessReInvited,
        PortalAccessEventKind.Accepted => ActivityKind.InvitationAccepted,
        PortalAccessEventKind.Revoked => ActivityKind.AccessRevoked,
        PortalAccessEventKind.EmailChangeRequested => ActivityKind.EmailChangeRequested,
        PortalAccessEventKind.EmailChanged => ActivityKind.EmailChanged,
        PortalAccessEventKind.EmailChangeCancelled => ActivityKind.EmailChangeCancelled,
        PortalAccessEventKind.EmailChangeReported => ActivityKind.EmailChangeReported,
        PortalAccessEventKind.MadeCompanyAdministrator => ActivityKind.MadeCompanyAdministrator,
        PortalAccessEventKind.CompanyAdministratorEnded => ActivityKind.CompanyAdministratorEnded,
        PortalAccessEventKind.CompanyDocumentKindsChanged => ActivityKind.CompanyDocumentKindsChanged,
        PortalAccessEventKind.NewLinkRequested => ActivityKind.NewInvitationLinkRequested,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// An invitation link was issued by a grant or a re-invite. <see cref="Token"/> is the link's secret, for the mail only;
/// an active user's link sets a new password (<see cref="SetsNewPassword"/>).
/// </summary>
public sealed record InvitationIssued(
    PortalUser User, Invitation Invitation, string Token, string IssuedBy, string? WelcomeMessage, bool SetsNewPassword) : IDomainEvent
{
    public override string ToString() => $"{nameof(InvitationIssued)} {{ ContactId = {User.ContactId} }}";
}

/// <summary>A reminder link for an invitation not yet accepted; it ends when the first link does.</summary>
public sealed record InvitationReminderIssued(PortalUser User, Invitation Reminder, string Token) : IDomainEvent
{
    public override string ToString() => $"{nameof(InvitationReminderIssued)} {{ ContactId = {User.ContactId} }}";
}

/// <summary>
/// A change of the login was requested: a link goes to <see cref="NewEmail"/>, a notice to the current address with
/// <see cref="ReportToken"/>, the link that cancels the change if it was not the customer's.
/// </summary>
public sealed record EmailChangeRequested(PortalUser User, string Token, string NewEmail, DateTimeOffset ExpiresAt, string ReportToken)
    : AccountSecurityEvent(User, SecurityEventKind.EmailChangeRequested)
{
    public override string ToString() => $"{nameof(EmailChangeRequested)} {{ Account = {User.Id} }}";
}

/// <summary>The holder of the old address said the change was not theirs; the pending change was cancelled.</summary>
public sealed record EmailChangeReported(PortalUser User) : AccountSecurityEvent(User, SecurityEventKind.EmailChangeReported);

/// <summary>The login changed from <see cref="OldEmail"/> to the user's current login; the old address is told.</summary>
public sealed record EmailChanged(PortalUser User, string OldEmail) : AccountSecurityEvent(User, SecurityEventKind.EmailChanged)
{
    public override string ToString() => $"{nameof(EmailChanged)} {{ Account = {User.Id} }}";
}

public sealed record AccountClosed(PortalUser User) : AccountSecurityEvent(User, SecurityEventKind.AccountClosed);

/// <summary>
/// A company administrator changed a colleague's access (revoked it, made them administrator or ended that, chose the
/// document kinds they see): the colleague hears of it by mail. <see cref="User"/> has its contact loaded.
/// </summary>
public sealed record ColleagueAccessChangedByCompany(PortalUser User, PortalAccessEventKind Change, string AdministratorName) : IDomainEvent
{
    public override string ToString() => $"{nameof(ColleagueAccessChangedByCompany)} {{ ContactId = {User.ContactId}, Change = {Change} }}";
}
