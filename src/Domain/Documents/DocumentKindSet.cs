namespace Portal.Domain.Documents;

/// <summary>
/// Which kinds of their company's documents a colleague sees: all of them (kinds added later too), or the chosen ones,
/// possibly none. Stored as one number: -1 for all, otherwise one bit per kind.
/// </summary>
public readonly record struct DocumentKindSet
{
    private const int AllBits = -1;

    private DocumentKindSet(int bits) => Bits = bits;

    public int Bits { get; }

    public static DocumentKindSet All { get; } = new(AllBits);

    public static DocumentKindSet Of(IEnumerable<DocumentKind> kinds) =>
        new(kinds.Aggregate(0, (bits, kind) => Enum.IsDefined(kind)
            ? bits | Bit(kind)
            : throw new ArgumentOutOfRangeException(nameof(kinds), kind, "Not a document kind.")));

    public static DocumentKindSet FromBits(int bits) => new(bits);

    public bool IsAll => Bits == AllBits;

    public bool Includes(DocumentKind kind) => (Bits & Bit(kind)) != 0;

    public IReadOnlyList<DocumentKind> Kinds => Enum.GetValues<DocumentKind>().Where(Includes).ToList();

    /// <summary>Language-neutral, for the activity list's detail: "All", "None", or the kinds by name ("Quotation,Invoice").</summary>
    public override string ToString() => IsAll ? "All" : Kinds.Count == 0 ? "None" : string.Join(",", Kinds);

    private static int Bit(DocumentKind kind) => 1 << (int)kind;
}
