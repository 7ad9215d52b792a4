using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Portal.Infrastructure;

/// <summary>
/// This app instance's stable name (<c>Portal:Instance:Name</c>, by default the host name), under which it holds outbox claims
/// and leases: an instance restarted under its name knows that whatever is held under it belonged to the process that ended,
/// and releases it at once instead of waiting for the lease to run out. That is only true while no two live instances share a
/// name, so each process also has a random <see cref="ProcessId"/> with which the heartbeat spots two of them.
/// </summary>
public sealed partial record InstanceName(string Value, Guid ProcessId)
{
    public const string Setting = "Portal:Instance:Name";
    public const int MaxLength = 100;

    /// <summary>The configured name, or the host name; refused at start when it has characters a claim can't carry.</summary>
    public static InstanceName From(IConfiguration configuration)
    {
        var name = configuration[Setting] is { Length: > 0 } configured ? configured.Trim() : Environment.MachineName;
        if (!Format().IsMatch(name))
            throw new InvalidOperationException(
                $"{Setting} \"{name}\" must be 1 to {MaxLength} letters, digits, '.', '-' or '_' (a host name is).");
        return new InstanceName(name, Guid.NewGuid());
    }

    /// <summary>A claim of one dispatch of this instance: its name, a separator a name can't hold, and a token of its own.</summary>
    public string NewClaim() => $"{Value}{ClaimSeparator}{Guid.NewGuid():N}";

    /// <summary>What every claim of this instance starts with.</summary>
    public string ClaimPrefix => Value + ClaimSeparator;

    private const char ClaimSeparator = '/';

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
