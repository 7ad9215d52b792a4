namespace Portal.Infrastructure.PortalAccess;

public sealed class InvitationReminderOptions
{
    public const string Section = "Portal:InvitationReminders";

    /// <summary>How often due reminders are looked for. Default 5 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
