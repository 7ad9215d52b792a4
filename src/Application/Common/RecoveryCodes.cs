using System.Security.Cryptography;
using System.Text;

namespace Portal.Application.Common;

/// <summary>
/// Single-use codes for when the authenticator is lost: shown once in groups of four, stored only as a SHA-256 hash of
/// the normalised form, so "ABCD EFGH …" typed from a printout matches "abcd-efgh-…". A fast unsalted hash is enough
/// only because each code carries more than 112 bits: a copy of the database can't be searched for them.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    /// <summary>No 0/o, 1/l/i: a code copied from paper must not be ambiguous. 31 symbols: about 4.95 bits each.</summary>
    public const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>24 symbols of 31: about 118.9 bits per code.</summary>
    public const int Symbols = 24;

    private const int GroupLength = 4;

    public static IReadOnlyList<string> Generate() =>
        Enumerable.Range(0, Count)
            .Select(_ => string.Join('-', RandomNumberGenerator.GetString(Alphabet, Symbols).Chunk(GroupLength).Select(g => new string(g))))
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
