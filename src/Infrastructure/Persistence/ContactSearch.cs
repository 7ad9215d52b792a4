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
/// the contacts whose text starts with its first word, a range of a B-tree index. A person's row holds their linked
/// company's text beside their own (<see cref="CompanySearchTextSql"/>), and each word may be found in either: "müller
/// acme" finds Müller of Acme, as it finds a Müller who typed Acme as their company.
/// </summary>
internal sealed class ContactSearch(PortalDbContext db, IOptions<ListCountOptions> counting) : IContactSearch
{
    /// <summary>A trigram index finds substrings of this length or longer.</summary>
    private const int IndexedLength = 3;

    private static readonly string LikeEscape = SearchPattern.EscapeCharacter.ToString();

    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    private static readonly MethodInfo CompareMethod = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(string));

    /// <summary>The texts a contact is found by: its own, and a person's copy of their linked company's.</summary>
    private static readonly Func<Expression, Expression>[] Texts =
    [
        contact => Expression.Property(contact, nameof(Contact.SearchText)),
        contact => Expression.Call(PropertyMethod, contact, Expression.Constant(CompanySearchTextSql.Column)),
    ];

    public int WalkLength => Math.Max(1, counting.Value.SearchWalkLength);

    private static List<string> WordsOf(string term) =>
        ContactSearchText.Normalize(term).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    public async Task<ListCount> CountMatchesAsync(string term, CancellationToken cancellationToken)
    {
        var limit = counting.Value.SearchLimit;
        // DISTINCT streams: the count stops after limit + 1 different ids.
        var bounded = await MatchingContactIds(term).Distinct().Take(limit + 1).CountAsync(cancellationToken);
        return bounded <= limit ? ListCount.Exact(bounded) : new ListCount(limit, CountPrecision.MoreThan);
    }

    /// <summary>
    /// Mirrors <see cref="MatchingContactIds"/> with LIKE: every word contained in the row's own text or its company's, or,
    /// for a search of short words only, one of them starting with the first. The patterns are parameters, so one cached
    /// query serves every search with the same number of words.
    /// </summary>
    public Expression<Func<Contact, bool>> Matches(string term)
    {
        var words = WordsOf(term);
        var patterns = words.Count > 0 && words.All(word => word.Length < IndexedLength)
            ? words.Select((word, i) => i == 0 ? SearchPattern.StartsWith(word) : SearchPattern.Contains(word)).ToList()
            : words.Select(SearchPattern.Contains).ToList();
        if (patterns.Count == 0) return contact => true;
        return Test(patterns.Select(pattern => InAnyText(text => Like(text, pattern))).ToList());
    }

    public IQueryable<int> MatchingContactIds(string term) =>
        Branches(term).Select(branch => branch.Select(c => c.Id)).Aggregate(Queryable.Concat);

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
            // Each match's own row, read by the text index scans that found it; UNION drops a row both branches found and
            // keeps the planner from walking the sort index instead (every "Zoë" lies behind 95,000 other names).
            source = Branches(term).Aggregate(Queryable.Union);
        }
        return await EfSpecificationEvaluator.Instance.GetQuery(source.AsNoTracking(), page).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The matches as queries whose union they are, each starting from an index. SQLite's FTS5 table holds both texts, so its
    /// words of three characters or more are one lookup. Elsewhere the first word is looked up in each text's own index (a
    /// trigram index, or a B-tree range for a prefix): one branch per text, the other words then tested on both texts.
    /// </summary>
    private List<IQueryable<Contact>> Branches(string term)
    {
        var words = WordsOf(term);
        var indexed = words.Where(word => word.Length >= IndexedLength).ToList();
        var shortWords = words.Where(word => word.Length < IndexedLength).ToList();
        if (words.Count == 0) return [db.Contacts];

        if (indexed.Count > 0 && db.Database.IsSqlite())
        {
            var rowIds = SqliteMatches(indexed);
            return [Narrow(db.Contacts.Where(c => rowIds.Contains(c.Id)), [], shortWords)];
        }

        Func<Expression, Expression> first = indexed.Count > 0
            ? text => Like(text, SearchPattern.Contains(indexed[0]))
            : text => StartingWith(text, shortWords[0]);
        var otherIndexed = indexed.Skip(1).ToList();
        var otherShort = indexed.Count > 0 ? shortWords : shortWords.Skip(1).ToList();
        return Texts.Select(text => Narrow(db.Contacts.Where(Test([first(text(Row))])), otherIndexed, otherShort)).ToList();
    }

    /// <summary>The words of a search beyond those an index found, each in the row's own text or its company's.</summary>
    private static IQueryable<Contact> Narrow(IQueryable<Contact> matches, IEnumerable<string> indexed, IEnumerable<string> shortWords)
    {
        foreach (var word in indexed)
        {
            // LIKE, so that PostgreSQL can look this word up in the trigram indexes as well.
            var pattern = SearchPattern.Contains(word);
            matches = matches.Where(Test([InAnyText(text => Like(text, pattern))]));
        }
        foreach (var word in shortWords)
        {
            // instr()/strpos(): literal, and no index to tempt the planner away from the candidates already found.
            matches = matches.Where(Test([InAnyText(text => Expression.Call(text, ContainsMethod, Parameter(word)))]));
        }
        return matches;
    }

    /// <summary>The parameter every condition built here is written against.</summary>
    private static readonly ParameterExpression Row = Expression.Parameter(typeof(Contact), "contact");

    private static Expression InAnyText(Func<Expression, Expression> condition) =>
        Texts.Select(text => condition(text(Row))).Aggregate(Expression.OrElse);

    private static Expression<Func<Contact, bool>> Test(IReadOnlyList<Expression> conditions) =>
        Expression.Lambda<Func<Contact, bool>>(conditions.Aggregate(Expression.AndAlso), Row);

    private static Expression Like(Expression text, string pattern) =>
        Expression.Call(LikeMethod, Expression.Constant(EF.Functions), text, Parameter(pattern), Parameter(LikeEscape));

    /// <summary>A captured value, as a lambda closure would hold it: EF sends it as a parameter, not as SQL text.</summary>
    private static MemberExpression Parameter(string value) =>
        Expression.Field(Expression.Constant(new StrongBox<string>(value)), nameof(StrongBox<string>.Value));

    /// <summary>
    /// Each word a quoted FTS5 string, so nothing the user typed is read as query syntax; the trigram tokenizer then finds it
    /// as a substring, in either column. (LIKE on the FTS table would ignore ESCAPE.)
    /// </summary>
    private IQueryable<int> SqliteMatches(IEnumerable<string> words)
    {
        var match = string.Join(" AND ", words.Select(word => $"\"{word.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
        return db.Database.SqlQueryRaw<int>(ContactSearchSql.SqliteMatchingIds, match);
    }

    /// <summary>
    /// The range from <paramref name="prefix"/> up to the next string of its length: both databases compare both texts by
    /// code point (SQLite's BINARY, PostgreSQL's "C"), so that is exactly the text starting with it.
    /// </summary>
    private static Expression StartingWith(Expression text, string prefix)
    {
        var last = prefix[^1];
        var upper = last < '\uD7FF' || (last >= '\uE000' && last < char.MaxValue)
            ? prefix[..^1] + (char)(last + 1)
            : prefix + char.MaxValue;
        var zero = Expression.Constant(0);
        return Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Call(CompareMethod, text, Parameter(prefix)), zero),
            Expression.LessThan(Expression.Call(CompareMethod, text, Parameter(upper)), zero));
    }
}
