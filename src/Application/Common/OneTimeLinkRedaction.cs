using System.Text.RegularExpressions;

namespace Portal.Application.Common;

/// <summary>
/// Blanks out the token of every one-time link in a text: an address of <see cref="PortalRoutes"/> with a {token}
/// parameter, as a path (with or without its leading slash) or a full URL, in any letter case. Logs and the outbox of
/// sent mail keep the rest, so they still say which link it was, but nobody who reads them can use it.
/// </summary>
public static class OneTimeLinkRedaction
{
    public const string Placeholder = "[redacted]";

    private static readonly Regex Tokens = new(
        // The leading slash is optional (route values and file-constraint logs drop it), a word character before it is not.
        "(?<=(?<![\\w-])(?:" + string.Join("|", PortalRoutes.Templates
            .Where(template => template.EndsWith("/{token}", StringComparison.Ordinal))
            .Select(template => Regex.Escape(template[1..^"{token}".Length]))) + "))(?!\\[redacted\\])[^/?#\\s\"'<>]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    public static bool ContainsToken(string? text) => !string.IsNullOrEmpty(text) && Tokens.IsMatch(text);

    /// <summary>The tokens themselves, e.g. of a request's path, to find them where they stand on their own.</summary>
    public static IEnumerable<string> TokensIn(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Tokens.Matches(text).Select(match => match.Value);

    public static string Redact(string text) => ContainsToken(text) ? Tokens.Replace(text, Placeholder) : text;
}
