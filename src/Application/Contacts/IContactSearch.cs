namespace Portal.Application.Contacts;

/// <summary>
/// Finds contacts by what a back-office user typed, through each database's own text index. The ids come back as a query
/// on the list's own database context, so a list filters with <c>Contains</c> and the database runs it as a subquery.
/// </summary>
public interface IContactSearch
{
    /// <summary>
    /// Contacts whose name, e-mail or free-text company contain every word of <paramref name="term"/>, ignoring case and
    /// accents, and the people of the companies that do.
    /// </summary>
    IQueryable<int> MatchingContactIds(string term);
}
