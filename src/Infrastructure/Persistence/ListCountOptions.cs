namespace Portal.Infrastructure.Persistence;

public sealed class ListCountOptions
{
    public const string Section = "Portal:Lists";

    /// <summary>Lists count their rows exactly up to this many; above it they say "about" or "more than".</summary>
    public int ExactCountLimit { get; set; } = 10_000;
}
