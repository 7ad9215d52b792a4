using System.Security.Cryptography;
using System.Text;

namespace Portal.Application.Common;

/// <summary>
/// Single-use codes for when the authenticator is lost: shown once as "xxxx-xxxx", stored only as a SHA-256
/// hash of the normalised form, so "ABCD EFGH" typed from a printout matches "abcd-efgh".
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    /// <summary>No 0/o, 1/l/i: a code copied from paper must not be ambiguous. 31 symbols, 8 of them: about 40 bits each.</summary>
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static IReadOnlyList<string> Generate() =>
        Enumerable.Range(0, Count)
            .Select(_ => RandomNumberGenerator.GetString(Alphabet, 4) + "-" + RandomNumberGenerator.GetString(Alphabet, 4))
            .ToList();

    public static string Normalize(string code)
    {
        var builder = new StringBuilder(code.Length);
        foreach (var c in code.Trim())
        {
            if (c is '-' || char.IsWhiteSpace(c)) continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));
}
