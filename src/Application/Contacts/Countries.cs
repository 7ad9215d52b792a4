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

    /// <summary>Codes by their English and native names, folded like search text ("osterreich" finds AT).</summary>
    private static readonly Lazy<Dictionary<string, string>> ByName = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try { region = new RegionInfo(culture.Name); }
            catch (ArgumentException) { continue; }
            if (!Codes.Contains(region.TwoLetterISORegionName)) continue;
            foreach (var name in new[] { region.EnglishName, region.NativeName, region.DisplayName })
            {
                names.TryAdd(Domain.Contacts.ContactSearchText.Normalize(name), region.TwoLetterISORegionName);
            }
        }
        return names;
    });

    public static IReadOnlyCollection<string> All => Codes;

    /// <summary>The code of a country given by its code or its English or native name; null when unknown.</summary>
    public static string? Find(string codeOrName)
    {
        var trimmed = codeOrName.Trim();
        if (IsKnown(trimmed)) return trimmed.ToUpperInvariant();
        return ByName.Value.TryGetValue(Domain.Contacts.ContactSearchText.Normalize(trimmed), out var code) ? code : null;
    }

    public static bool IsKnown(string code) => Codes.Contains(code.Trim().ToUpperInvariant());

    /// <summary>The platform's English name for a code, for codes the UI has no translated name of.</summary>
    public static string EnglishName(string code)
    {
        try { return new RegionInfo(code).EnglishName; }
        catch (ArgumentException) { return code; }
    }
}
