using Portal.Domain.Common;

namespace Portal.Domain.Users;

/// <summary>
/// The account's security stamp changed, so every session issued before ends on its next request; the sessions' rows are
/// ended with it, so the list of active sessions says the same.
/// </summary>
public sealed record SecurityStampRotated(UserAccount Account) : IDomainEvent;
