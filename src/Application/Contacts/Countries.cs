using System.Globalization;

namespace Portal.Application.Contacts;

/// <summary>ISO 3166-1 alpha-2 countries, taken from the platform's region data so the list needs no upkeep.</summary>
public static class Countries
{
    private static readonly HashSet<string> Codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture =>
        {
            try { return new RegionInfo(culture.Name).TwoLetterISORegionName; }
            catch (ArgumentException) { return null; }
        })
        .Where(code => code is { Length: 2 } && code.All(char.IsAsciiLetterUpper))
        .Select(code => code!)
        .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => Codes;

    public static bool IsKnown(string code) => Codes.Contains(code.Trim().ToUpperInvariant());

    /// <summary>The platform's English name for a code, for codes the UI has no translated name of.</summary>
    public static string EnglishName(string code)
    {
        try { return new RegionInfo(code).EnglishName; }
        catch (ArgumentException) { return code; }
    }
}
