namespace Portal.Infrastructure.Security.KeyRing;

public sealed class KeyRingOptions
{
    public const string Section = "Portal:DataProtection";

    /// <summary>
    /// Unset: a certificate when <see cref="CertificatePath"/> is given, else a key file, except on PostgreSQL without a
    /// <see cref="KeyFilePath"/> (several instances each creating a key file of their own could not read each other's keys).
    /// </summary>
    public KeyEncryption? KeyEncryption { get; set; }

    /// <summary>A PKCS#12 (.pfx) file with a private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Unset: <c>keyring.key</c> in the data folder.</summary>
    public string? KeyFilePath { get; set; }
}
