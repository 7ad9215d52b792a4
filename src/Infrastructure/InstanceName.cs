namespace Portal.Infrastructure;

/// <summary>This app instance's name in claims and leases, so several instances can tell their work apart.</summary>
public sealed record InstanceName(string Value)
{
    public static InstanceName Create() => new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");
}
