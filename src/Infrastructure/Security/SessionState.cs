using Portal.Domain.Users;

namespace Portal.Infrastructure.Security;

/// <summary>What the per-request session check needs to know about the user right now.</summary>
public sealed record SessionState(string SecurityStamp, StaffRole? StaffRole, bool TwoFactorEnabled, bool MustChangePassword);
