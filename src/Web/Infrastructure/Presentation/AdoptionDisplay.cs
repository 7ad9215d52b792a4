using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>How the dashboard's days and durations read, in the user's language.</summary>
public static class AdoptionDisplay
{
    public static string Date(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A week on the chart's axis by the day it starts, short: "23 Nov" / "23. Nov.".</summary>
    public static string WeekLabel(DateOnly startsOn) =>
        startsOn.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "de" ? "d. MMM" : "d MMM", CultureInfo.CurrentCulture);

    /// <summary>Days and hours, or hours and minutes under a day, or minutes under an hour.</summary>
    public static string Duration(this IStringLocalizer t, TimeSpan duration) =>
        duration.TotalDays >= 1 ? t["{0} d {1} h", (int)duration.TotalDays, duration.Hours]
        : duration.TotalHours >= 1 ? t["{0} h {1} min", (int)duration.TotalHours, duration.Minutes]
        : t["{0} min", Math.Max(0, (int)duration.TotalMinutes)];
}
