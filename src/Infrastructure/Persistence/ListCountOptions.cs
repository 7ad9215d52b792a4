namespace Portal.Infrastructure.Persistence;

public sealed class ListCountOptions
{
    public const string Section = "Portal:Lists";

    /// <summary>Lists count their rows exactly up to this many; above it they say "about" or "more than".</summary>
    public int ExactCountLimit { get; set; } = 10_000;

    /// <summary>
    /// A contact search counts its matches exactly up to this many (or <see cref="ExactCountLimit"/>, if lower). Counting
    /// stops there, so a broad search costs no more than a narrow one.
    /// </summary>
    public int SearchCountLimit { get; set; } = 1_000;

    public int SearchLimit => Math.Max(0, Math.Min(ExactCountLimit, SearchCountLimit));

    /// <summary>
    /// How many rows of the sort order a search above <see cref="SearchCountLimit"/> tests one by one for a page before it
    /// sorts its matches from the text index by their keys instead. A thousand rows hold a page of a search matching one
    /// contact in 40 (at 100,000 contacts "muller" fills its first page within 741); testing them costs about what sorting
    /// 2,000 matches by their keys does.
    /// </summary>
    public int SearchWalkLength { get; set; } = 1_000;
}
