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
/// the contacts whose text starts with its first word, a range of the B-tree index on <c>SearchText</c>. A person's row
/// holds their linked company's text as well (<see cref="CompanySearchTextSql"/>), so the people of a matching company are
/// found in the same index as everyone else.
/// </summary>
internal sealed class ContactSearch(PortalDbContext db, IOptions<ListCountOptions> counting) : IContactSearch
{
    /// <summary>A trigram index finds substrings of this length or longer.</summary>
    private const int IndexedLength = 3;

    private static readonly string LikeEscape = SearchPattern.EscapeCharacter.ToString();

    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ConcatMethod = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    private static readonly MethodInfo CompareMethod = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(string));

    /// <summary>The contact's own text.</summary>
    private static readonly TextColumn Own = new(nameof(Contact.SearchText),
        contact => Expression.Property(contact, nameof(Contact.SearchText)));

    /// <summary>A person's copy of their linked company's text.</summary>
    private static readonly TextColumn OfCompany = new(CompanySearchTextSql.Column,
        contact => Expression.Call(PropertyMethod, contact, Expression.Constant(CompanySearchTextSql.Column)));

    /// <summary>A text a contact is found by: its column, named as the FTS5 table names it too, and how a query reads it.</summary>
    private sealed record TextColumn(string Name, Func<ParameterExpression, Expression> Read);

    public int WalkLength => Math.Max(1, counting.Value.SearchWalkLength);

    private static List<string> WordsOf(string term) =>
        ContactSearchText.Normalize(term).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    public async Task<ListCount> CountMatchesAsync(string term, CancellationToken cancellationToken)
    {
        var limit = counting.Value.SearchLimit;
        // DISTINCT streams: the count stops after limit + 1 different ids.
        var bounded = await MatchingContactIds(term).Distinct().TakeLiteral(limit + 1).CountAsync(cancellationToken);
        return bounded <= limit ? ListCount.Exact(bounded) : new ListCount(limit, CountPrecision.MoreThan);
    }

    /// <summary>
    /// Mirrors <see cref="MatchingContactIds"/> with LIKE on the row's own search text and on its company's copy: every word
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
        // The company's copy is tested as an expression no index covers: this tests rows a walk of the sort index reads, and
        // PostgreSQL would otherwise combine both trigram indexes with the sort key's range and sort every match in it.
        var companyText = Expression.Call(ConcatMethod, OfCompany.Read(contact), Expression.Constant(""));
        var anyText = Expression.OrElse(AllLike(Own.Read(contact), patterns), AllLike(companyText, patterns));
        return Expression.Lambda<Func<Contact, bool>>(anyText, contact);
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
            // The index's row ids are the contacts' ids, and it holds both texts: one lookup, no contact read.
            return SqliteMatches(indexed, columns: null);
        }

        return MatchingContacts(term, Own).Select(c => c.Id).Concat(MatchingContacts(term, OfCompany).Select(c => c.Id));
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
            // Each match's own row, read by the text index scan that found it; UNION drops a person found by both texts and
            // keeps the planner from walking the sort index instead (every "Zoë" lies behind 95,000 other names).
            source = MatchingContacts(term, Own).Union(MatchingContacts(term, OfCompany));
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

    /// <summary>The contacts whose <paramref name="text"/> (own or company's) holds every word.</summary>
    private IQueryable<Contact> MatchingContacts(string term, TextColumn text)
    {
        var words = WordsOf(term);
        var indexed = words.Where(word => word.Length >= IndexedLength).ToList();
        var shortWords = words.Where(word => word.Length < IndexedLength).ToList();

        IQueryable<Contact> matches;
        if (indexed.Count > 0)
        {
            matches = ContainingAll(indexed, text);
        }
        else if (shortWords.Count > 0)
        {
            matches = db.Contacts.Where(StartingWith(shortWords[0], text));
            shortWords.RemoveAt(0);
        }
        else
        {
            matches = db.Contacts;
        }

        foreach (var word in shortWords)
        {
            // instr()/strpos(): literal, and no index to tempt the planner away from the candidates already found.
            matches = matches.Where(Test(text, t => Expression.Call(t, ContainsMethod, Parameter(word))));
        }
        return matches;
    }

    private static Expression<Func<Contact, bool>> Test(
        TextColumn text, Func<Expression, Expression> condition)
    {
        var contact = Expression.Parameter(typeof(Contact), "c");
        return Expression.Lambda<Func<Contact, bool>>(condition(text.Read(contact)), contact);
    }

    /// <summary>
    /// Each word a quoted FTS5 string, so nothing the user typed is read as query syntax; the trigram tokenizer then finds it
    /// as a substring. (LIKE on the FTS table would ignore ESCAPE.) Without <paramref name="columns"/>, a contact matches
    /// when every word is in its own text or every word in its company's: one word is found in either column alike.
    /// </summary>
    private IQueryable<int> SqliteMatches(IReadOnlyList<string> words, string? columns)
    {
        var all = string.Join(" AND ", words.Select(word => $"\"{word.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
        var match = columns is not null ? $"{{{columns}}} : ({all})"
            : words.Count == 1 ? all
            : $"{{{Own.Name}}} : ({all}) OR {{{OfCompany.Name}}} : ({all})";
        return db.Database.SqlQueryRaw<int>(ContactSearchSql.SqliteMatchingIds, match);
    }

    private IQueryable<Contact> ContainingAll(IReadOnlyList<string> words, TextColumn text)
    {
        if (db.Database.IsSqlite())
        {
            var rowIds = SqliteMatches(words, text.Name);
            return db.Contacts.Where(c => rowIds.Contains(c.Id));
        }

        IQueryable<Contact> matches = db.Contacts;
        foreach (var word in words)
        {
            var pattern = SearchPattern.Contains(word);
            matches = matches.Where(Test(text, t => Expression.Call(LikeMethod,
                Expression.Constant(EF.Functions), t, Parameter(pattern), Parameter(LikeEscape))));
        }
        return matches;
    }

    /// <summary>
    /// The range from <paramref name="prefix"/> up to the next string of its length: both databases compare both texts by
    /// code point (SQLite's BINARY, PostgreSQL's "C"), so that is exactly the text starting with it.
    /// </summary>
    private static Expression<Func<Contact, bool>> StartingWith(string prefix, TextColumn text)
    {
        var last = prefix[^1];
        var upper = last < '\uD7FF' || (last >= '\uE000' && last < char.MaxValue)
            ? prefix[..^1] + (char)(last + 1)
            : prefix + char.MaxValue;
        var zero = Expression.Constant(0);
        return Test(text, t => Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Call(CompareMethod, t, Parameter(prefix)), zero),
            Expression.LessThan(Expression.Call(CompareMethod, t, Parameter(upper)), zero)));
    }
}
