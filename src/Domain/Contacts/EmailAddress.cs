using System.Text.RegularExpressions;

namespace Portal.Domain.Contacts;

public static partial class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Logins compare by this form: trimmed and lower-case, so "Anna@X.de " and "anna@x.de" are one login.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return false;
        var trimmed = email.Trim();
        return trimmed.Length <= MaxLength && Syntax().IsMatch(trimmed);
    }

    // Deliberately conservative: one @, a dotted domain with a TLD, no spaces, no quoted local parts.
    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
