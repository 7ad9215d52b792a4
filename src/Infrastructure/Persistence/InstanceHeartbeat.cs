namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A running app instance as the others see it: its name, its process (random per start), when it started and when it last
/// said it was alive. Two recent heartbeats of different processes under one name mean two live instances share it.
/// </summary>
public sealed class InstanceHeartbeat
{
    public Guid ProcessId { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
