using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Portal.Domain.Payments;

/// <summary>
/// The unique reference of a SEPA direct-debit mandate: at most 35 characters of the SEPA character set, not
/// starting or ending with '/' and without "//". Generated ones are "PORTAL-" and 80 random bits in base32.
/// </summary>
public static partial class MandateReference
{
    public const string Prefix = "PORTAL-";
    public const int MaxLength = 35;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string New()
    {
        // 10 bytes = 80 bits = exactly 16 base32 characters; a clash is still caught by the unique index.
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        Span<char> text = stackalloc char[16];
        var bits = 0;
        var buffer = 0;
        var position = 0;
        foreach (var b in random)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text[position++] = Base32Alphabet[(buffer >> bits) & 31];
            }
        }
        return Prefix + new string(text);
    }

    public static bool IsWellFormed(string? reference) =>
        reference is { Length: > 0 and <= MaxLength }
        && SepaCharacters().IsMatch(reference)
        && !reference.StartsWith('/') && !reference.EndsWith('/') && !reference.Contains("//", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9/?:().,'+ -]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SepaCharacters();
}
