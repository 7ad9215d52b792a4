namespace Portal.Domain.Adoption;

/// <summary>
/// When the daily digest is due: from the chosen hour of the business's day until that day ends, unless it went out that day
/// already. An instance that was down at the hour sends it when it comes back the same day; a day missed entirely is not sent
/// late, since the next day's digest lists what still needs attention.
/// </summary>
public sealed record DailyDigestSchedule(int Hour, TimeZoneInfo TimeZone)
{
    /// <summary>The business's day at <paramref name="now"/>.</summary>
    public DateOnly DayAt(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZone).DateTime);

    /// <summary>The day whose digest is due at <paramref name="now"/>, or null when none is (too early, or sent already).</summary>
    public DateOnly? DueDay(DateTimeOffset now, DateOnly? lastSentDay)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour < Hour || lastSentDay >= today) return null;
        return today;
    }
}
