namespace Portal.Application.Common;

/// <summary>
/// Builds LIKE patterns from what a user typed: % and _ in the text match themselves, not anything.
/// The database side uses <see cref="EscapeCharacter"/> as LIKE's ESCAPE character.
/// </summary>
public static class SearchPattern
{
    public const char EscapeCharacter = '\\';

    public static string Contains(string term) => $"%{Escape(term.Trim())}%";

    public static string StartsWith(string term) => $"{Escape(term.Trim())}%";

    private static string Escape(string term) => term
        .Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal);
}
