using System.Linq.Expressions;
using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Domain.Contacts;

namespace Portal.Application.Contacts;

/// <summary>
/// Finds contacts by what a back-office user typed. A contact matches when its name, e-mail or free-text company contain
/// every word, ignoring case and accents, and so do the people of a company that matches.
/// </summary>
public interface IContactSearch
{
    /// <summary>
    /// The matches through each database's own text index, as a query on the list's own database context, so a list
    /// filters with <c>Contains</c> and the database runs it as a subquery. The cheaper way when few contacts match.
    /// </summary>
    IQueryable<int> MatchingContactIds(string term);

    /// <summary>
    /// The same matches as a test of one row. When many contacts match, walking the list's sort index and testing each row
    /// fills a page after a few hundred rows, where collecting every match first means reading and sorting thousands.
    /// </summary>
    Expression<Func<Contact, bool>> Matches(string term);

    /// <summary>
    /// How many contacts match, counted up to a limit below a list's (a search that finds more than a thousand is refined,
    /// not counted); above it "more than". Whether it is exact tells <see cref="MatchingContactIds"/> from
    /// <see cref="Matches"/>.
    /// </summary>
    Task<ListCount> CountMatchesAsync(string term, CancellationToken cancellationToken);

    /// <summary>
    /// The ids <paramref name="page"/> selects from the matches, reading only their ids and sort keys: for a page of a search
    /// whose many matches lie far down the list's order, where walking the order finds none within
    /// <see cref="WalkLength"/> rows. The page's rows are then read by id.
    /// </summary>
    Task<List<int>> ReadSortedMatchesAsync(string term, ISpecification<Contact, int> page, CancellationToken cancellationToken);

    /// <summary>How many rows of a list's order <see cref="Matches"/> may test for one page.</summary>
    int WalkLength { get; }
}
