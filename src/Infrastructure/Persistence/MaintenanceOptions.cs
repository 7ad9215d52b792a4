namespace Portal.Infrastructure.Persistence;

public sealed class MaintenanceOptions
{
    public const string Section = "Portal:Maintenance";

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>
    /// Used, voided or expired account links are kept this long (for support questions), then purged; so are the bodies
    /// of mail that could not be delivered (its recipient, subject and error stay).
    /// </summary>
    public TimeSpan KeepFinishedTokens { get; set; } = TimeSpan.FromDays(30);
    /// <summary>Ended or expired sessions are kept this long (for support questions), then purged.</summary>
    public TimeSpan KeepEndedSessions { get; set; } = TimeSpan.FromDays(30);
}
