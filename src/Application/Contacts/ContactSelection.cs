using Ardalis.Specification;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Contacts;

/// <summary>The contacts list's search and access filter, shared by the list and by the jobs that act on all its matches.</summary>
public sealed record ContactSelection(string? Search, AccessFilter Access)
{
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Search) || Access != AccessFilter.All;

    /// <summary>How a job records it, language neutral: the filter name and the search as typed.</summary>
    public string Describe() => string.IsNullOrWhiteSpace(Search) ? Access.ToString() : $"{Access}: {Search.Trim()}";

    /// <param name="testEachRow">Test the search on each row (<see cref="IContactSearch.Matches"/>) rather than read its
    /// matches from the text index: for a page walked along the sort order's index.</param>
    public static void Apply(
        ISpecificationBuilder<Contact> query, string? search, AccessFilter access, IContactSearch contactSearch, bool testEachRow = false)
    {
        if (!string.IsNullOrWhiteSpace(search) && testEachRow)
        {
            query.Where(contactSearch.Matches(search));
        }
        else if (!string.IsNullOrWhiteSpace(search))
        {
            var matchingIds = contactSearch.MatchingContactIds(search);
            query.Where(c => matchingIds.Contains(c.Id));
        }

        switch (access)
        {
            case AccessFilter.NoAccess: query.Where(c => c.PortalUser == null); break;
            case AccessFilter.Invited: query.Where(c => c.PortalUser!.State == PortalAccessState.Invited); break;
            case AccessFilter.Active: query.Where(c => c.PortalUser!.State == PortalAccessState.Active); break;
            case AccessFilter.Revoked: query.Where(c => c.PortalUser!.State == PortalAccessState.Revoked); break;
        }
    }
}

/// <summary>The ids of every contact a selection matches, in id order (what a job's rows are made of).</summary>
public sealed class MatchingContactIdsSpec : Specification<Contact, int>
{
    public MatchingContactIdsSpec(ContactSelection selection, IContactSearch search)
    {
        Query.AsNoTracking();
        ContactSelection.Apply(Query, selection.Search, selection.Access, search);
        Query.OrderBy(c => c.Id);
        Query.Select(c => c.Id);
    }
}
