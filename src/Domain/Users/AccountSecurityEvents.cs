using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.Users;

/// <summary>
/// Something happened to an account's security. Each one becomes a line in the owner's security activity; the moves
/// the owner must hear of, even when someone else made them, also send a notice mail.
/// </summary>
public abstract record AccountSecurityEvent(UserAccount Account, SecurityEventKind Kind) : IDomainEvent;

/// <summary>A successful sign-in; <see cref="First"/> when the account had never signed in before.</summary>
public sealed record SignedIn(UserAccount Account, bool First = false) : AccountSecurityEvent(Account, SecurityEventKind.SignedIn);

public sealed record SignInFailed(UserAccount Account) : AccountSecurityEvent(Account, SecurityEventKind.SignInFailed);

public sealed record LockedOut(UserAccount Account) : AccountSecurityEvent(Account, SecurityEventKind.LockedOut);

public sealed record PasswordChanged(UserAccount Account) : AccountSecurityEvent(Account, SecurityEventKind.PasswordChanged);

public sealed record SignedOutEverywhere(UserAccount Account) : AccountSecurityEvent(Account, SecurityEventKind.SignedOutEverywhere);

public sealed record TwoFactorEnabled(UserAccount Account) : AccountSecurityEvent(Account, SecurityEventKind.TwoFactorEnabled);

public sealed record TwoFactorDisabled(UserAccount Account) : AccountSecurityEvent(Account, SecurityEventKind.TwoFactorDisabled);

public sealed record RecoveryCodeUsed(UserAccount Account) : AccountSecurityEvent(Account, SecurityEventKind.RecoveryCodeUsed);

public sealed record RecoveryCodesReplaced(UserAccount Account)
    : AccountSecurityEvent(Account, SecurityEventKind.RecoveryCodesReplaced);

/// <summary>A reset link was issued; <see cref="Token"/> is the link's secret, for the mail only.</summary>
public sealed record PasswordResetRequested(UserAccount Account, string Token, DateTimeOffset ExpiresAt)
    : AccountSecurityEvent(Account, SecurityEventKind.PasswordResetRequested)
{
    public override string ToString() => $"{nameof(PasswordResetRequested)} {{ Account = {Account.Id} }}";
}

public sealed record PasswordWasReset(UserAccount Account) : AccountSecurityEvent(Account, SecurityEventKind.PasswordReset);

/// <summary>An active customer set a new password through a re-invite link; like a reset, it signs nobody in.</summary>
public sealed record PasswordSetThroughInvitation(UserAccount Account) : AccountSecurityEvent(Account, SecurityEventKind.PasswordReset);
