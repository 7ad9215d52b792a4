using Microsoft.Extensions.Localization;
using Portal.Application.Sessions;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>How a session's device reads in its list: "Firefox on Windows", in the user's language.</summary>
public static class SessionDisplay
{
    public static string Device(this IStringLocalizer t, UserAgentSummary device) => (device.Browser, device.OperatingSystem) switch
    {
        ({ } browser, { } system) => t["{0} on {1}", browser, system],
        ({ } browser, null) => browser,
        (null, { } system) => t["Unknown browser on {0}", system],
        _ => t["Unknown device"],
    };
}
