namespace Portal.Domain.Common;

/// <summary>
/// A name shown on pages, in mails and in exports must be one line of visible text: a line break or NUL could forge an
/// extra mail header or CSV line, and a bidi override makes a name read differently from what it is.
/// </summary>
public static class PlainText
{
    public static bool IsOneVisibleLine(string? value) => value is null || !value.Any(IsHidden);

    private static bool IsHidden(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
