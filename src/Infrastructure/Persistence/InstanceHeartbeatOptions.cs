namespace Portal.Infrastructure.Persistence;

public sealed class InstanceHeartbeatOptions
{
    public const string Section = "Portal:Instance";

    /// <summary>How often an instance says it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An instance counts as alive while its last heartbeat is younger than three intervals (one missed beat is no death).</summary>
    public TimeSpan AliveWindow => HeartbeatInterval * 3;

    /// <summary>Heartbeats of instances that stopped without saying so are deleted after this long.</summary>
    public TimeSpan KeepStaleHeartbeats { get; set; } = TimeSpan.FromDays(1);
}
