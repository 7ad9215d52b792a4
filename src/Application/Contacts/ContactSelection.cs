using System.Linq.Expressions;
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

        if (selection.CompanyId is { } companyId) query.Where(OfCompany(companyId));
        conditions.Apply(query, selection.Access);
    }

    /// <summary>A company's contacts: the company itself and its people.</summary>
    public static Expression<Func<Contact, bool>> OfCompany(int companyId) => c => c.Id == companyId || c.CompanyId == companyId;
}

/// <summary>
/// The access filters as conditions on a contact, at this moment. The "needs attention" filters are the dashboard's: each
/// lists exactly the contacts its figure counts, so a bulk re-invite or revoke from there acts on those and no others.
/// Every filter but <see cref="AccessFilter.All"/> and <see cref="AccessFilter.NoAccess"/> is a condition on the contact's
/// portal user (<see cref="OnPortalUser"/>): the list applies it through the contact, the dashboard counts the portal users
/// it holds for, and since each portal user has exactly one contact both count the same.
/// </summary>
public sealed class AccessConditions(TimeProvider clock, IInvitationLinks links)
{
    public static readonly TimeSpan ExpiringWithin = TimeSpan.FromHours(48);
    public static readonly TimeSpan DormantAfter = TimeSpan.FromDays(90);

    public void Apply(ISpecificationBuilder<Contact> query, AccessFilter access)
    {
        switch (access)
        {
            case AccessFilter.All: break;
            case AccessFilter.NoAccess: query.Where(c => c.PortalUser == null); break;
            default: query.Where(OnContact(OnPortalUser(access))); break;
        }
    }

    /// <summary>The filter as a condition on a portal user; for every filter but All and NoAccess.</summary>
    public Expression<Func<PortalUser, bool>> OnPortalUser(AccessFilter access)
    {
        var now = clock.GetUtcNow();
        var open = links.All.Where(i => i.UsedAt == null && i.VoidedAt == null);
        switch (access)
        {
            case AccessFilter.Invited: return u => u.State == PortalAccessState.Invited;
            case AccessFilter.Active: return u => u.State == PortalAccessState.Active;
            case AccessFilter.Revoked: return u => u.State == PortalAccessState.Revoked;
            case AccessFilter.InvitationExpiringSoon:
                var soon = now + ExpiringWithin;
                // The links' side: the few links that end soon, each user then by key (an IN list), never a look-up per user.
                var ending = open.Where(i => i.ExpiresAt > now && i.ExpiresAt <= soon).Select(i => i.PortalUserId);
                return u => u.State == PortalAccessState.Invited && ending.Contains(u.Id);
            case AccessFilter.InvitationExpired:
                // Invited, and no link of theirs works any more: every one has been used, voided or has run out. A grant always
                // issues a link (Contact.GrantPortalAccess), so an invited customer always holds one. The links that still work
                // are few (those of the last days), so they are read once rather than looked for per customer.
                var working = open.Where(i => i.ExpiresAt > now).Select(i => i.PortalUserId);
                return u => u.State == PortalAccessState.Invited && !working.Contains(u.Id);
            case AccessFilter.InvitationMailFailed:
                // The link's own copy of its mail's status, read on the links' side as one list.
                var failed = open.Where(i => i.MailStatus == OutboxStatus.Failed).Select(i => i.PortalUserId);
                return u => (u.State == PortalAccessState.Invited || u.State == PortalAccessState.Active) && failed.Contains(u.Id);
            case AccessFilter.Dormant:
                var cutoff = now - DormantAfter;
                return u => u.State == PortalAccessState.Active
                    && (u.LastSignInAt == null || u.LastSignInAt < cutoff)
                    && (u.AcceptedAt == null || u.AcceptedAt < cutoff);
            case AccessFilter.LockedOut:
                return u => u.LockoutEndsAt > now;
            default:
                throw new ArgumentOutOfRangeException(nameof(access), access, "Not a condition on a portal user.");
        }
    }

    /// <summary>A contact that has a portal user the condition holds for.</summary>
    private static Expression<Func<Contact, bool>> OnContact(Expression<Func<PortalUser, bool>> condition)
    {
        var contact = Expression.Parameter(typeof(Contact), "c");
        var user = Expression.Property(contact, nameof(Contact.PortalUser));
        var holds = new ParameterReplacer(condition.Parameters[0], user).Visit(condition.Body);
        return Expression.Lambda<Func<Contact, bool>>(
            Expression.AndAlso(Expression.NotEqual(user, Expression.Constant(null, typeof(PortalUser))), holds), contact);
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// Every invitation link, as a query on the list's own database context, so that a condition filters with <c>Contains</c> and
/// the database runs it as one subquery.
/// </summary>
public interface IInvitationLinks
{
    IQueryable<Invitation> All { get; }
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
