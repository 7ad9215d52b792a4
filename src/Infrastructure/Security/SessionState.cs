using Portal.Domain.Users;

namespace Portal.Infrastructure.Security;

/// <summary>What the per-request session check needs to know about the session and its user right now.</summary>
public sealed record SessionState(
    int SessionId,
    int UserId,
    DateTimeOffset ExpiresAt,
    DateTimeOffset LastSeenAt,
    string SecurityStamp,
    StaffRole? StaffRole,
    string? StaffLanguage,
    bool TwoFactorEnabled,
    bool MustChangePassword);
