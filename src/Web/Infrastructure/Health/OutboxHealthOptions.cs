namespace Portal.Web.Infrastructure.Health;

public sealed class OutboxHealthOptions
{
    public const string Section = "Portal:Health";

    /// <summary>The instance is not ready when the oldest mail still waiting is older than this.</summary>
    public TimeSpan MaxPendingMailAge { get; set; } = TimeSpan.FromMinutes(15);
}
