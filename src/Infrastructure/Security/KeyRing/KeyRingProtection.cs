using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>
/// The data-protection keys (session cookies, antiforgery tokens, IBANs, TOTP secrets) live in the database, so every
/// instance reads what another wrote; they are encrypted there with a key that does not live in the database, so a copy
/// of the database or of its backup decrypts nothing. Keys stored before encryption was on stay readable and are
/// replaced by encrypted ones at the next rotation.
/// </summary>
public sealed record KeyRingProtection(KeyEncryption Encryption, string? Source)
{
    public bool EncryptsKeys => Encryption != KeyEncryption.None;

    public static KeyRingProtection From(KeyRingOptions options, DatabaseProvider provider) =>
        (options.KeyEncryption ?? DefaultFor(options, provider)) switch
        {
            KeyEncryption.Certificate => new(KeyEncryption.Certificate, options.CertificatePath is { Length: > 0 } certificate
                ? certificate
                : throw new InvalidOperationException(
                    $"{KeyRingOptions.Section}:CertificatePath is required for certificate key encryption.")),
            KeyEncryption.KeyFile => new(KeyEncryption.KeyFile, null),
            _ => new(KeyEncryption.None, null),
        };

    private static KeyEncryption DefaultFor(KeyRingOptions options, DatabaseProvider provider) =>
        options.CertificatePath is { Length: > 0 } ? KeyEncryption.Certificate
        : provider == DatabaseProvider.Sqlite || options.KeyFilePath is { Length: > 0 } ? KeyEncryption.KeyFile
        : KeyEncryption.None;
}
