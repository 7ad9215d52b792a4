using Portal.Domain.Activity;

namespace Portal.Domain.Settings;

/// <summary>Settings changed; <see cref="Detail"/> names the fields ("CompanyName,PrimaryColour").</summary>
public sealed record SettingsChanged(string Detail, string Actor, DateTimeOffset OccurredAt) : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) => ActivityEntry.ForSettings(OccurredAt, actorUserId, Actor, Detail);
}
