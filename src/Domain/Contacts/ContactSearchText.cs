using System.Globalization;
using System.Text;

namespace Portal.Domain.Contacts;

/// <summary>
/// The text a contact is found by: name, e-mail and free-text company, folded so that a search ignores case and accents
/// ("muller" finds "Müller" and "MÜLLER"). Searches fold what the user typed with the same <see cref="Normalize"/>.
/// </summary>
public static class ContactSearchText
{
    public const int MaxLength = 1000;

    /// <summary>Letters that Unicode decomposition leaves whole, spelled the way a keyboard without them would.</summary>
    private static readonly Dictionary<char, string> Foldings = new()
    {
        ['ß'] = "ss",
        ['ø'] = "o",
        ['ł'] = "l",
        ['đ'] = "d",
        ['ð'] = "d",
        ['ħ'] = "h",
        ['ı'] = "i",
        ['þ'] = "th",
        ['æ'] = "ae",
        ['œ'] = "oe",
    };

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var character in decomposed)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark) continue;
            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }
            if (Foldings.TryGetValue(character, out var spelled)) folded.Append(spelled);
            else folded.Append(character);
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The searchable text of a contact: its normalised fields joined by a single space, cut to <see cref="MaxLength"/>.</summary>
    public static string Of(string name, string? email, string? companyName)
    {
        var text = string.Join(' ', new[] { name, email, companyName }
            .Where(field => !string.IsNullOrWhiteSpace(field))
            .Select(field => Normalize(field!)));
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
