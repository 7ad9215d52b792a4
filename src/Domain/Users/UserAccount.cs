using System.Security.Cryptography;
using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.Users;

/// <summary>
/// Everyone who can sign in. Internal and portal users share one table so that a login (the normalised
/// e-mail) is unique across both, backed by one unique index.
/// </summary>
public abstract class UserAccount : AggregateRoot
{
    public int Id { get; protected set; }
    public UserKind Kind { get; protected set; }
    public string Login { get; protected set; } = "";
    public string? PasswordHash { get; protected set; }
    /// <summary>Copied into every session cookie; rotating it ends every session on its next request.</summary>
    public string SecurityStamp { get; protected set; } = NewSecurityStamp();
    private readonly List<RecoveryCode> _recoveryCodes = [];
    private readonly List<AccountToken> _tokens = [];

    public DateTimeOffset? LastSignInAt { get; protected set; }
    public int FailedSignInCount { get; protected set; }
    public DateTimeOffset? LockoutEndsAt { get; protected set; }

    /// <summary>The TOTP secret, encrypted at rest by the application (never the plain secret).</summary>
    public string? TwoFactorSecret { get; protected set; }
    /// <summary>A secret shown during setup, until the user proves with a code that the authenticator has it.</summary>
    public string? PendingTwoFactorSecret { get; protected set; }
    public DateTimeOffset? TwoFactorEnabledAt { get; protected set; }
    /// <summary>The last TOTP time step accepted: a code can't be used twice.</summary>
    public long? LastTotpTimeStep { get; protected set; }
    public IReadOnlyCollection<RecoveryCode> RecoveryCodes => _recoveryCodes.AsReadOnly();
    public IReadOnlyCollection<AccountToken> Tokens => _tokens.AsReadOnly();

    public bool TwoFactorEnabled => TwoFactorEnabledAt is not null;
    /// <summary>
    /// The password is one someone else has seen (e.g. generated at setup): the owner must replace it before anything else.
    /// </summary>
    public bool MustChangePassword { get; protected set; }
    /// <summary>Optimistic concurrency token: two admins acting on one user at once can't both win.</summary>
    public int Version { get; protected set; }

    public abstract bool CanSignIn { get; }

    /// <summary>A successful sign-in: the failure counter starts over.</summary>
    public void RecordSignIn(DateTimeOffset now)
    {
        var first = LastSignInAt is null;
        LastSignInAt = now;
        EndLockout();
        Raise(new SignedIn(this, first));
    }

    public bool IsLockedOut(DateTimeOffset now) => LockoutEndsAt is { } end && now < end;

    /// <summary>
    /// Turns a sign-in attempt away while the account is locked, whatever was typed; the attempt still shows in the
    /// owner's security activity. Returns false when the account is not locked.
    /// </summary>
    public bool TurnAwayWhileLockedOut(DateTimeOffset now)
    {
        if (!IsLockedOut(now)) return false;
        Raise(new SignInFailed(this));
        return true;
    }

    /// <summary>
    /// Counts a wrong password; after <paramref name="maxFailures"/> in a row the account is locked.
    /// Returns true when this failure locked it.
    /// </summary>
    public bool RecordFailedSignIn(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        FailedSignInCount++;
        // The counter is read and written back: two failures at once must clash on the version, not overwrite each other.
        Touch();
        Raise(new SignInFailed(this));
        if (FailedSignInCount < maxFailures) return false;
        FailedSignInCount = 0;
        LockoutEndsAt = now + lockout;
        Raise(new LockedOut(this));
        return true;
    }

    /// <summary>
    /// A wrong current password on a form of a signed-in user counts like a wrong password at sign-in: whoever holds the
    /// session must not get to guess the password at leisure. When it locks the account, every session ends too.
    /// </summary>
    public bool RecordWrongCurrentPassword(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        if (!RecordFailedSignIn(now, maxFailures, lockout)) return false;
        RotateSecurityStamp();
        return true;
    }

    /// <summary>
    /// Sets a new password and rotates the stamp, so every session issued before this one ends. Open reset links stop
    /// working: one sent before the change must not set a password after it.
    /// </summary>
    public void ChangePassword(string passwordHash, DateTimeOffset now)
    {
        if (!CanSignIn) throw new DomainException(DomainErrors.AccountCannotSignIn);
        VoidOpenLinks(now, AccountTokenPurpose.PasswordReset);
        PasswordHash = passwordHash;
        MustChangePassword = false;
        RotateSecurityStamp();
        Touch();
        Raise(new PasswordChanged(this));
    }

    /// <summary>Ends every session of this user, the current one included.</summary>
    public void EndAllSessions()
    {
        RotateSecurityStamp();
        Touch();
        Raise(new SignedOutEverywhere(this));
    }

    public void StartTwoFactorSetup(string protectedSecret)
    {
        if (TwoFactorEnabled) throw new DomainException(DomainErrors.TwoFactorAlreadyEnabled);
        PendingTwoFactorSecret = protectedSecret;
        Touch();
    }

    /// <summary>Turns 2FA on once a code from the pending secret was verified; the recovery codes replace any older ones.</summary>
    public void EnableTwoFactor(long verifiedTimeStep, IEnumerable<string> recoveryCodeHashes, DateTimeOffset now)
    {
        if (TwoFactorEnabled) throw new DomainException(DomainErrors.TwoFactorAlreadyEnabled);
        if (PendingTwoFactorSecret is null) throw new DomainException(DomainErrors.TwoFactorSetupNotStarted);
        TwoFactorSecret = PendingTwoFactorSecret;
        PendingTwoFactorSecret = null;
        TwoFactorEnabledAt = now;
        LastTotpTimeStep = verifiedTimeStep;
        _recoveryCodes.Clear();
        _recoveryCodes.AddRange(recoveryCodeHashes.Select(hash => new RecoveryCode(hash)));
        RotateSecurityStamp();
        Touch();
        Raise(new TwoFactorEnabled(this));
    }

    /// <summary>New recovery codes replace every older one, used or not.</summary>
    public void ReplaceRecoveryCodes(IEnumerable<string> recoveryCodeHashes)
    {
        if (!TwoFactorEnabled) throw new DomainException(DomainErrors.TwoFactorNotEnabled);
        _recoveryCodes.Clear();
        _recoveryCodes.AddRange(recoveryCodeHashes.Select(hash => new RecoveryCode(hash)));
        Touch();
        Raise(new RecoveryCodesReplaced(this));
    }

    public void DisableTwoFactor()
    {
        if (!TwoFactorEnabled) throw new DomainException(DomainErrors.TwoFactorNotEnabled);
        TwoFactorSecret = null;
        PendingTwoFactorSecret = null;
        TwoFactorEnabledAt = null;
        LastTotpTimeStep = null;
        _recoveryCodes.Clear();
        RotateSecurityStamp();
        Touch();
        Raise(new TwoFactorDisabled(this));
    }

    /// <summary>Accepts a verified TOTP time step only if it is newer than the last one used (no replay).</summary>
    public bool AcceptTotpTimeStep(long timeStep)
    {
        if (LastTotpTimeStep is { } last && timeStep <= last) return false;
        LastTotpTimeStep = timeStep;
        Touch();
        return true;
    }

    public bool UseRecoveryCode(string codeHash, DateTimeOffset now)
    {
        var code = _recoveryCodes.FirstOrDefault(c => c.UsedAt is null && c.CodeHash == codeHash);
        if (code is null) return false;
        code.MarkUsed(now);
        Touch();
        Raise(new RecoveryCodeUsed(this));
        return true;
    }

    /// <summary>Issues a password-reset link; older reset links stop working.</summary>
    public AccountToken IssuePasswordReset(IssuedToken link, DateTimeOffset now, TimeSpan validity)
    {
        if (!CanSignIn) throw new DomainException(DomainErrors.AccountCannotSignIn);
        var token = IssueToken(AccountTokenPurpose.PasswordReset, link.Hash, now, validity, null);
        Raise(new PasswordResetRequested(this, link.Token, token.ExpiresAt));
        return token;
    }

    /// <summary>
    /// The holder of a reset link that expired or was replaced asks for a new one: it goes to the login, never to an address
    /// they name. Refused for an unknown, used or still usable link, an account that can't sign in, or once
    /// <see cref="LinkRenewalLimit.MaxPerDay"/> reset links went out in a day; the refusal is the same in every case.
    /// </summary>
    public AccountToken RenewPasswordReset(string oldTokenHash, IssuedToken link, DateTimeOffset now, TimeSpan validity)
    {
        var resets = _tokens.Where(t => t.Purpose == AccountTokenPurpose.PasswordReset).ToList();
        var old = resets.SingleOrDefault(t => t.TokenHash == oldTokenHash);
        if (old is null || old.UsedAt is not null || old.IsUsable(now) || !CanSignIn)
            throw new DomainException(DomainErrors.NewLinkNotAvailable);
        LinkRenewalLimit.Check(resets.Select(t => t.CreatedAt), resets.Max(t => (DateTimeOffset?)t.CreatedAt), now,
            DomainErrors.NewLinkNotAvailable);
        return IssuePasswordReset(link, now, validity);
    }

    /// <summary>Consumes a reset link and sets the new password; every session ends.</summary>
    public void ResetPassword(string tokenHash, string passwordHash, DateTimeOffset now)
    {
        var token = UsableToken(AccountTokenPurpose.PasswordReset, tokenHash, now);
        if (!CanSignIn) throw new DomainException(DomainErrors.LinkInvalid);
        token.MarkUsed(now);
        PasswordHash = passwordHash;
        MustChangePassword = false;
        EndLockout();
        RotateSecurityStamp();
        Touch();
        Raise(new PasswordWasReset(this));
    }

    protected AccountToken IssueToken(
        AccountTokenPurpose purpose,
        string tokenHash,
        DateTimeOffset now,
        TimeSpan validity,
        string? newEmail)
    {
        VoidOpenLinks(now, purpose);
        var token = new AccountToken(purpose, tokenHash, now, now + validity, newEmail);
        _tokens.Add(token);
        Touch();
        return token;
    }

    protected AccountToken UsableToken(AccountTokenPurpose purpose, string tokenHash, DateTimeOffset now) =>
        _tokens.SingleOrDefault(t => t.Purpose == purpose && t.TokenHash == tokenHash) is { } token && token.IsUsable(now)
            ? token
            : throw new DomainException(DomainErrors.LinkInvalid);

    /// <summary>Keeps the stored hash current when the hasher asks for a rehash (e.g. more iterations).</summary>
    public void UpgradePasswordHash(string passwordHash)
    {
        if (PasswordHash is not null) PasswordHash = passwordHash;
    }

    protected void RotateSecurityStamp()
    {
        SecurityStamp = NewSecurityStamp();
        Raise(new SecurityStampRotated(this));
    }

    /// <summary>Every open one-time link of this account (or only those for <paramref name="purpose"/>) stops working.</summary>
    protected void VoidOpenLinks(DateTimeOffset now, AccountTokenPurpose? purpose = null)
    {
        foreach (var open in _tokens.Where(t => t.IsOpen && (purpose is null || t.Purpose == purpose))) open.Void(now);
    }

    protected void EndLockout()
    {
        FailedSignInCount = 0;
        LockoutEndsAt = null;
    }

    /// <summary>Forgets every credential but the login: password, second factor, recovery codes, open links.</summary>
    protected void ClearCredentials(DateTimeOffset now)
    {
        PasswordHash = null;
        TwoFactorSecret = null;
        PendingTwoFactorSecret = null;
        TwoFactorEnabledAt = null;
        LastTotpTimeStep = null;
        _recoveryCodes.Clear();
        VoidOpenLinks(now);
        EndLockout();
        RotateSecurityStamp();
    }

    protected void Touch() => Version++;

    private static string NewSecurityStamp() => RandomNumberGenerator.GetHexString(32);
}
