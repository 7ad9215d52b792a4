using System.Collections.Frozen;
using System.Text;
using Portal.Domain.Common;

namespace Portal.Domain.Payments;

/// <summary>
/// An International Bank Account Number (ISO 13616), checked for a known country, that country's length and the
/// mod-97 check digits, and kept in electronic form (no spaces, upper case). <see cref="ToString"/> gives the masked
/// form, so an IBAN that slips into a log line or a message never shows in full.
/// </summary>
public sealed class Iban : IEquatable<Iban>
{
    /// <summary>IBAN lengths by country, from the SWIFT IBAN registry.</summary>
    private static readonly FrozenDictionary<string, int> LengthByCountry = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25,
        ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
        ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The longest IBAN any country may have (ISO 13616).</summary>
    public const int MaxLength = 34;

    private Iban(string value) => Value = value;

    /// <summary>The electronic form: country code, check digits and account identifier, no spaces, upper case.</summary>
    public string Value { get; }

    public string CountryCode => Value[..2];

    public static IReadOnlyCollection<string> Countries => LengthByCountry.Keys;

    /// <summary>
    /// Country code and check digits, then stars up to the last four characters, in groups of four: "DE89 **** **** **** **30 00".
    /// </summary>
    public string Masked => Grouped(Value[..4] + new string('*', Value.Length - 8) + Value[^4..]);

    /// <summary>
    /// What is wrong with <paramref name="input"/> as an IBAN (spaces and lower case are fine), or <see cref="IbanProblem.None"/>.
    /// </summary>
    public static IbanProblem Check(string? input) => Examine(input, out _);

    public static bool TryParse(string? input, out Iban iban)
    {
        var problem = Examine(input, out var value);
        iban = problem == IbanProblem.None ? new Iban(value) : null!;
        return problem == IbanProblem.None;
    }

    public static Iban Parse(string? input) =>
        TryParse(input, out var iban) ? iban : throw new DomainException(DomainErrors.IbanInvalid);

    private static IbanProblem Examine(string? input, out string value)
    {
        value = Normalize(input);
        if (value.Length == 0) return IbanProblem.Missing;
        // A card number is all digits, 12 to 19 of them, often typed with dashes.
        var digitsOnly = value.Replace("-", "", StringComparison.Ordinal);
        if (digitsOnly.Length is >= 12 and <= 19 && digitsOnly.All(char.IsAsciiDigit)) return IbanProblem.LooksLikeCardNumber;
        if (!value.All(char.IsAsciiLetterOrDigit)) return IbanProblem.InvalidCharacters;
        if (value.Length < 4 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1])
            || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
            return IbanProblem.InvalidCharacters;
        if (!LengthByCountry.TryGetValue(value[..2], out var length)) return IbanProblem.UnknownCountry;
        if (value.Length != length) return IbanProblem.WrongLength;
        // ISO 7064 MOD 97-10 only ever produces check digits 02 to 98; 00, 01 and 99 pass the sum by accident.
        var checkDigits = (value[2] - '0') * 10 + (value[3] - '0');
        if (checkDigits is < 2 or > 98 || Mod97(value) != 1) return IbanProblem.WrongCheckDigits;
        return IbanProblem.None;
    }

    /// <summary>Spaces (of any kind) go, letters become upper case, and a leading "IBAN" from the paper form is dropped.</summary>
    private static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return "";
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
            if (!char.IsWhiteSpace(c)) builder.Append(char.ToUpperInvariant(c));
        var value = builder.ToString();
        return value.StartsWith("IBAN", StringComparison.Ordinal) ? value[4..] : value;
    }

    /// <summary>
    /// The remainder of the number formed by moving the first four characters to the end and replacing letters by 10..35.
    /// </summary>
    private static int Mod97(string value)
    {
        var remainder = 0;
        foreach (var c in value[4..] + value[..4])
        {
            remainder = char.IsAsciiDigit(c)
                ? (remainder * 10 + (c - '0')) % 97
                : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }

    private static string Grouped(string value)
    {
        var builder = new StringBuilder(value.Length + value.Length / 4);
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && i % 4 == 0) builder.Append(' ');
            builder.Append(value[i]);
        }
        return builder.ToString();
    }

    public bool Equals(Iban? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Iban);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Masked;
}
