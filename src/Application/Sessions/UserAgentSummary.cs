namespace Portal.Application.Sessions;

/// <summary>
/// The browser and operating system a user agent names, read plainly for the common ones so a person can tell their
/// devices apart; anything else is left unnamed (null). Not a fingerprint and never trusted for a decision.
/// </summary>
public sealed record UserAgentSummary(string? Browser, string? OperatingSystem)
{
    // Order matters: Edge and Opera also call themselves Chrome and Safari; Chrome also calls itself Safari.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgiOS/", "Edge"), ("EdgA/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    // iPhone and iPad user agents say "like Mac OS X", and Android ones say "Linux": those come first.
    private static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Android", "Android"), ("CrOS", "ChromeOS"), ("Windows", "Windows"),
        ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"),
    ];

    public static UserAgentSummary Parse(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? new UserAgentSummary(null, null)
            : new UserAgentSummary(First(Browsers, userAgent), First(Systems, userAgent));

    private static string? First((string Token, string Name)[] candidates, string userAgent) =>
        candidates.FirstOrDefault(c => userAgent.Contains(c.Token, StringComparison.Ordinal)).Name;
}
