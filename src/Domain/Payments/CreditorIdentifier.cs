using System.Collections.Frozen;

namespace Portal.Domain.Payments;

/// <summary>
/// A SEPA creditor identifier (Gläubiger-Identifikationsnummer), as the EPC's "Creditor Identifier Overview" defines it: country
/// code, two check digits, a three-character creditor business code, and the national identifier. The check digits are ISO 7064
/// MOD 97-10 over the national identifier and the country code, with the business code left out, so that a creditor can use
/// several business codes under one identifier ("ZZZ" when it has none). Germany's national part is 11 digits, so a German
/// identifier has 18 characters, e.g. DE98ZZZ09999999999 (the Bundesbank's example).
/// </summary>
public static class CreditorIdentifier
{
    public const int MaxLength = 35;

    /// <summary>
    /// The national identifier's length for the countries whose format the portal's customers meet most (EPC overview); other
    /// countries' identifiers are checked for the common format and the check digits only (1 to 28 characters).
    /// </summary>
    private static readonly FrozenDictionary<string, int> NationalLengthByCountry = new Dictionary<string, int>
    {
        ["AT"] = 11, ["DE"] = 11, ["FR"] = 6, ["IT"] = 16, ["NL"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Spaces removed, upper case; null when nothing was entered.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        return string.Concat(input.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    /// <summary>Whether <paramref name="identifier"/> (normalised) has the format and check digits of a creditor identifier.</summary>
    public static bool IsValid(string? identifier)
    {
        if (identifier is not { Length: >= 8 and <= MaxLength } || !identifier.All(char.IsAsciiLetterOrDigit)) return false;
        var country = identifier[..2];
        var national = identifier[7..];
        if (!char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1])
            || !char.IsAsciiDigit(identifier[2]) || !char.IsAsciiDigit(identifier[3]))
            return false;
        if (identifier[4..7].Any(char.IsAsciiLetterLower) || national.Any(char.IsAsciiLetterLower)) return false;
        if (NationalLengthByCountry.TryGetValue(country, out var length) && national.Length != length) return false;
        if (country == "DE" && !national.All(char.IsAsciiDigit)) return false;
        var checkDigits = (identifier[2] - '0') * 10 + (identifier[3] - '0');
        return checkDigits is >= 2 and <= 98 && Mod97(national + country + identifier[2..4]) == 1;
    }

    /// <summary>The check digits a creditor identifier of <paramref name="country"/> and <paramref name="national"/> must have.</summary>
    public static string CheckDigitsFor(string country, string national) =>
        (98 - Mod97(national + country + "00")).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The remainder modulo 97 of the number formed by replacing letters with 10..35 (ISO 7064 MOD 97-10).</summary>
    private static int Mod97(string value)
    {
        var remainder = 0;
        foreach (var c in value)
        {
            remainder = char.IsAsciiDigit(c)
                ? (remainder * 10 + (c - '0')) % 97
                : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }
}
