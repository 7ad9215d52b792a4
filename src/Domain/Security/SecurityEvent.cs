using Portal.Domain.Common;

namespace Portal.Domain.Security;

/// <summary>One line of an account's security activity: what happened, when, and from which address.</summary>
public sealed class SecurityEvent : ISideEffectRecord
{
    public const int IpAddressMaxLength = 45;

    private SecurityEvent() { }

    public long Id { get; private set; }
    public int UserAccountId { get; private set; }
    public SecurityEventKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? IpAddress { get; private set; }

    public static SecurityEvent Record(int userAccountId, SecurityEventKind kind, DateTimeOffset now, string? ipAddress) => new()
    {
        UserAccountId = userAccountId,
        Kind = kind,
        OccurredAt = now,
        IpAddress = ipAddress is { Length: > IpAddressMaxLength } ? ipAddress[..IpAddressMaxLength] : ipAddress,
    };
}
