namespace Portal.Application.Common;

/// <summary>
/// The TOTP second factor (RFC 6238: 30-second steps, 6 digits, SHA-1 — what every authenticator app speaks).
/// Secrets leave this interface only encrypted for storage, or in plain text for the one page that sets them up.
/// </summary>
public interface ITwoFactorAuthenticator
{
    /// <summary>A fresh 160-bit secret from the OS CSPRNG, Base32 as authenticator apps expect it.</summary>
    string NewSecret();

    /// <summary>Encrypts a secret for <c>UserAccount.TwoFactorSecret</c>/<c>PendingTwoFactorSecret</c>.</summary>
    string Protect(string secret);

    /// <summary>The plain secret, or null when it can't be decrypted (e.g. the keys were lost).</summary>
    string? Unprotect(string protectedSecret);

    /// <summary>The otpauth:// link an authenticator app reads from the QR code: issuer = the business, account = the login.</summary>
    string AuthenticatorUri(string secret, string account);

    /// <summary>
    /// Checks a 6-digit code against the secret at the current time, one step either side allowed for clock drift.
    /// Returns the matched time step (so the caller can refuse it the second time), or null.
    /// </summary>
    long? VerifyCode(string secret, string code);
}
