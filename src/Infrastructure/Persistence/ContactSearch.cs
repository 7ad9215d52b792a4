using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Infrastructure.Persistence.Specifications;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Contact search on the text index of each database (<see cref="ContactSearchSql"/>): every word of three characters or
/// more goes through the trigram index, shorter words only narrow what those found; a search of short words alone reads
/// the contacts whose text starts with its first word, a range of the B-tree index on <c>SearchText</c>.
/// </summary>
internal sealed class ContactSearch(PortalDbContext db, IOptions<ListCountOptions> counting) : IContactSearch
{
    /// <summary>A trigram index finds substrings of this length or longer.</summary>
    private const int IndexedLength = 3;

    private static readonly string LikeEscape = SearchPattern.EscapeCharacter.ToString();

    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public int WalkLength => Math.Max(1, counting.Value.SearchWalkLength);

    private static List<string> WordsOf(string term) =>
        ContactSearchText.Normalize(term).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    public async Task<ListCount> CountMatchesAsync(string term, CancellationToken cancellationToken)
    {
        var limit = counting.Value.SearchLimit;
        // DISTINCT streams: the count stops after limit + 1 different ids, before the company step runs when the words
        // alone match that many.
        var bounded = await MatchingContactIds(term).Distinct().Take(limit + 1).CountAsync(cancellationToken);
        return bounded <= limit ? ListCount.Exact(bounded) : new ListCount(limit, CountPrecision.MoreThan);
    }

    /// <summary>
    /// Mirrors <see cref="MatchingContactIds"/> with LIKE on the row's own search text and on its company's: every word
    /// contained, or, for a search of short words only, the text starting with the first. The patterns are parameters, so
    /// one cached query serves every search with the same number of words.
    /// </summary>
    public Expression<Func<Contact, bool>> Matches(string term)
    {
        var words = WordsOf(term);
        var patterns = words.Count > 0 && words.All(word => word.Length < IndexedLength)
            ? words.Select((word, i) => i == 0 ? SearchPattern.StartsWith(word) : SearchPattern.Contains(word)).ToList()
            : words.Select(SearchPattern.Contains).ToList();
        if (patterns.Count == 0) return contact => true;

        var contact = Expression.Parameter(typeof(Contact), "contact");
        var company = Expression.Property(contact, nameof(Contact.Company));
        var ownText = AllLike(Expression.Property(contact, nameof(Contact.SearchText)), patterns);
        var companyText = Expression.AndAlso(
            Expression.AndAlso(
                Expression.NotEqual(company, Expression.Constant(null, typeof(Contact))),
                Expression.Equal(Expression.Property(company, nameof(Contact.Kind)), Expression.Constant(ContactKind.Company))),
            AllLike(Expression.Property(company, nameof(Contact.SearchText)), patterns));
        return Expression.Lambda<Func<Contact, bool>>(Expression.OrElse(ownText, companyText), contact);
    }

    private static Expression AllLike(Expression text, IEnumerable<string> patterns) => patterns
        .Select(pattern => (Expression)Expression.Call(LikeMethod,
            Expression.Constant(EF.Functions),
            text,
            Parameter(pattern),
            Parameter(LikeEscape)))
        .Aggregate(Expression.AndAlso);

    /// <summary>A captured value, as a lambda closure would hold it: EF sends it as a parameter, not as SQL text.</summary>
    private static MemberExpression Parameter(string value) =>
        Expression.Field(Expression.Constant(new StrongBox<string>(value)), nameof(StrongBox<string>.Value));

    public IQueryable<int> MatchingContactIds(string term)
    {
        if (SqliteIndexedWords(term) is { } indexed)
        {
            // The index's row ids are the contacts' ids: no need to read the contacts to know which match.
            return WithPeopleOfCompanies(SqliteMatches(indexed));
        }

        var matches = MatchingContacts(term);
        return matches.Select(c => c.Id).Concat(PeopleOfCompaniesAmong(matches).Select(person => person.Id));
    }

    public async Task<List<int>> ReadSortedMatchesAsync(
        string term, ISpecification<Contact, int> page, CancellationToken cancellationToken)
    {
        IQueryable<Contact> source;
        if (db.Database.IsSqlite())
        {
            // Only the id and the sort keys are read, all from the covering index: no row of the table is visited.
            var ids = MatchingContactIds(term);
            source = db.Contacts.FromSqlRaw(ContactMatchOrderSql.SqliteSortKeysSource).Where(c => ids.Contains(c.Id));
        }
        else
        {
            // Each match's own row, read by the text index scan that found it; UNION drops a person found twice and keeps
            // the planner from walking the sort index instead (every "Zoë" lies behind 95,000 other names).
            var matches = MatchingContacts(term);
            source = matches.Union(PeopleOfCompaniesAmong(matches));
        }
        return await EfSpecificationEvaluator.Instance.GetQuery(source.AsNoTracking(), page).ToListAsync(cancellationToken);
    }

    /// <summary>The words of <paramref name="term"/> when the FTS5 table alone finds its matches: SQLite, no short word.</summary>
    private List<string>? SqliteIndexedWords(string term)
    {
        if (!db.Database.IsSqlite()) return null;
        var words = WordsOf(term);
        return words.Count > 0 && words.All(word => word.Length >= IndexedLength) ? words : null;
    }

    /// <summary>The contacts whose own text matches, without the people of matching companies.</summary>
    private IQueryable<Contact> MatchingContacts(string term)
    {
        var words = WordsOf(term);
        var indexed = words.Where(word => word.Length >= IndexedLength).ToList();
        var shortWords = words.Where(word => word.Length < IndexedLength).ToList();

        IQueryable<Contact> matches;
        if (indexed.Count > 0)
        {
            matches = ContainingAll(indexed);
        }
        else if (shortWords.Count > 0)
        {
            matches = StartingWith(shortWords[0]);
            shortWords.RemoveAt(0);
        }
        else
        {
            matches = db.Contacts;
        }

        foreach (var word in shortWords)
        {
            // instr()/strpos(): literal, and no index to tempt the planner away from the candidates already found.
            matches = matches.Where(c => c.SearchText.Contains(word));
        }
        return matches;
    }

    /// <summary>
    /// A person is found by its linked company's name too. The companies among the matches are tested where the text is:
    /// on PostgreSQL through the trigram index over companies alone (<see cref="ContactMatchOrderSql"/>), then their people
    /// through the index on <c>CompanyId</c> (asking for every contact whose company is among all matches made PostgreSQL
    /// read the whole table).
    /// </summary>
    private IQueryable<Contact> PeopleOfCompaniesAmong(IQueryable<Contact> matches) =>
        from company in matches
        where company.Kind == ContactKind.Company
        join person in db.Contacts on (int?)company.Id equals person.CompanyId
        select person;

    /// <summary>
    /// The people of the companies among <paramref name="ids"/>: each id looked up in the covering index on
    /// <c>CompanyId</c>, and only a person found there has its company's kind checked. Checking the kind of every match
    /// first read each matching row of the table.
    /// </summary>
    private IQueryable<int> WithPeopleOfCompanies(IQueryable<int> ids) =>
        ids.Concat(
            from person in db.Contacts
            where person.CompanyId != null && ids.Contains(person.CompanyId.Value)
                && db.Contacts.Any(company => company.Id == person.CompanyId && company.Kind == ContactKind.Company)
            select person.Id);

    /// <summary>
    /// Each word a quoted FTS5 string, so nothing the user typed is read as query syntax; the trigram tokenizer then finds it
    /// as a substring. (LIKE on the FTS table would ignore ESCAPE.)
    /// </summary>
    private IQueryable<int> SqliteMatches(IEnumerable<string> words)
    {
        var match = string.Join(" AND ", words.Select(word => $"\"{word.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
        return db.Database.SqlQueryRaw<int>(ContactSearchSql.SqliteMatchingIds, match);
    }

    private IQueryable<Contact> ContainingAll(IReadOnlyList<string> words)
    {
        if (db.Database.IsSqlite())
        {
            var rowIds = SqliteMatches(words);
            return db.Contacts.Where(c => rowIds.Contains(c.Id));
        }

        IQueryable<Contact> matches = db.Contacts;
        foreach (var word in words)
        {
            var pattern = SearchPattern.Contains(word);
            matches = matches.Where(c => EF.Functions.Like(c.SearchText, pattern, LikeEscape));
        }
        return matches;
    }

    /// <summary>
    /// The range from <paramref name="prefix"/> up to the next string of its length: both databases compare
    /// <c>SearchText</c> by code point (SQLite's BINARY, PostgreSQL's "C"), so that is exactly the text starting with it.
    /// </summary>
    private IQueryable<Contact> StartingWith(string prefix)
    {
        var last = prefix[^1];
        var upper = last < '\uD7FF' || (last >= '\uE000' && last < char.MaxValue)
            ? prefix[..^1] + (char)(last + 1)
            : prefix + char.MaxValue;
        return db.Contacts.Where(c => string.Compare(c.SearchText, prefix) >= 0 && string.Compare(c.SearchText, upper) < 0);
    }
}
