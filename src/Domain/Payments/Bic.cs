using System.Text.RegularExpressions;

namespace Portal.Domain.Payments;

/// <summary>A Business Identifier Code (ISO 9362): bank, country, location and an optional branch, 8 or 11 characters.</summary>
public static partial class Bic
{
    public const int MaxLength = 11;

    /// <summary>
    /// IBAN countries whose accounts include territories with country codes of their own, which their banks' BICs
    /// may carry (IBAN registry: France with its overseas departments and territories, the United Kingdom with the
    /// Crown Dependencies, Finland with Åland).
    /// </summary>
    private static readonly Dictionary<string, string[]> TerritoriesByIbanCountry = new(StringComparer.Ordinal)
    {
        ["FR"] = ["GF", "GP", "MQ", "RE", "YT", "NC", "PF", "PM", "TF", "WF", "BL", "MF"],
        ["GB"] = ["GG", "JE", "IM"],
        ["FI"] = ["AX"],
    };

    /// <summary>Trimmed, spaces removed, upper case; null when nothing was entered.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        return string.Concat(input.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    public static bool IsWellFormed(string? bic) => bic is not null && Format().IsMatch(bic);

    /// <summary>Whether the bank of <paramref name="bic"/> is in the country that issued <paramref name="iban"/>.</summary>
    public static bool MatchesCountryOf(string bic, Iban iban)
    {
        var bicCountry = bic.Substring(4, 2);
        return bicCountry == iban.CountryCode
            || TerritoriesByIbanCountry.TryGetValue(iban.CountryCode, out var territories) && territories.Contains(bicCountry);
    }

    [GeneratedRegex("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
