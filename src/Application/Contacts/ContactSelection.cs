using Ardalis.Specification;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Contacts;

/// <summary>
/// The contacts list's search, access filter and company, shared by the list, by the dashboard that counts what it would list,
/// and by the jobs that act on all its matches.
/// </summary>
public sealed record ContactSelection(string? Search, AccessFilter Access, int? CompanyId = null)
{
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Search) || Access != AccessFilter.All || CompanyId is not null;

    /// <summary>
    /// How a job records it, language neutral: the filter name, "@" and the company's id when there is one, and the search
    /// as typed.
    /// </summary>
    public string Describe()
    {
        var filter = CompanyId is { } company ? $"{Access}@{company}" : Access.ToString();
        return string.IsNullOrWhiteSpace(Search) ? filter : $"{filter}: {Search.Trim()}";
    }

    /// <param name="testEachRow">Test the search on each row (<see cref="IContactSearch.Matches"/>) rather than read its
    /// matches from the text index: for a page walked along the sort order's index.</param>
    public static void Apply(
        ISpecificationBuilder<Contact> query,
        ContactSelection selection,
        IContactSearch contactSearch,
        AccessConditions conditions,
        bool testEachRow = false)
    {
        var search = selection.Search;
        if (!string.IsNullOrWhiteSpace(search) && testEachRow)
        {
            query.Where(contactSearch.Matches(search));
        }
        else if (!string.IsNullOrWhiteSpace(search))
        {
            var matchingIds = contactSearch.MatchingContactIds(search);
            query.Where(c => matchingIds.Contains(c.Id));
        }

        if (selection.CompanyId is { } companyId) query.Where(c => c.Id == companyId || c.CompanyId == companyId);
        conditions.Apply(query, selection.Access);
    }
}

/// <summary>
/// The access filters as conditions on a contact, at this moment. The "needs attention" filters are the dashboard's: each
/// lists exactly the contacts its figure counts, so a bulk re-invite or revoke from there acts on those and no others.
/// </summary>
public sealed class AccessConditions(TimeProvider clock)
{
    public static readonly TimeSpan ExpiringWithin = TimeSpan.FromHours(48);
    public static readonly TimeSpan DormantAfter = TimeSpan.FromDays(90);

    public void Apply(ISpecificationBuilder<Contact> query, AccessFilter access)
    {
        var now = clock.GetUtcNow();
        switch (access)
        {
            case AccessFilter.NoAccess: query.Where(c => c.PortalUser == null); break;
            case AccessFilter.Invited: query.Where(c => c.PortalUser!.State == PortalAccessState.Invited); break;
            case AccessFilter.Active: query.Where(c => c.PortalUser!.State == PortalAccessState.Active); break;
            case AccessFilter.Revoked: query.Where(c => c.PortalUser!.State == PortalAccessState.Revoked); break;
            case AccessFilter.InvitationExpiringSoon:
                var soon = now + ExpiringWithin;
                query.Where(c => c.PortalUser!.State == PortalAccessState.Invited
                    && c.PortalUser.Invitations.Any(i => i.UsedAt == null && i.VoidedAt == null && i.ExpiresAt > now && i.ExpiresAt <= soon));
                break;
            case AccessFilter.InvitationExpired:
                // Invited, and no link of theirs works any more: every one has been used, voided or has run out.
                query.Where(c => c.PortalUser!.State == PortalAccessState.Invited
                    && c.PortalUser.Invitations.Any()
                    && !c.PortalUser.Invitations.Any(i => i.UsedAt == null && i.VoidedAt == null && i.ExpiresAt > now));
                break;
            case AccessFilter.InvitationMailFailed:
                // The link's own copy of its mail's status: a look-up in the open links' index, not in the outbox.
                // "Has a portal user" said outright lets SQLite start from the users of those states rather than from every contact.
                query.Where(c => c.PortalUser != null
                    && (c.PortalUser.State == PortalAccessState.Invited || c.PortalUser.State == PortalAccessState.Active)
                    && c.PortalUser.Invitations.Any(i => i.UsedAt == null && i.VoidedAt == null && i.MailStatus == OutboxStatus.Failed));
                break;
            case AccessFilter.Dormant:
                var cutoff = now - DormantAfter;
                query.Where(c => c.PortalUser!.State == PortalAccessState.Active
                    && (c.PortalUser.LastSignInAt == null || c.PortalUser.LastSignInAt < cutoff)
                    && (c.PortalUser.AcceptedAt == null || c.PortalUser.AcceptedAt < cutoff));
                break;
            case AccessFilter.LockedOut:
                query.Where(c => c.PortalUser != null && c.PortalUser.LockoutEndsAt > now);
                break;
        }
    }
}

/// <summary>The ids of every contact a selection matches, in id order (what a job's rows are made of).</summary>
public sealed class MatchingContactIdsSpec : Specification<Contact, int>
{
    public MatchingContactIdsSpec(ContactSelection selection, IContactSearch search, AccessConditions conditions)
    {
        Query.AsNoTracking();
        ContactSelection.Apply(Query, selection, search, conditions);
        Query.OrderBy(c => c.Id);
        Query.Select(c => c.Id);
    }
}
