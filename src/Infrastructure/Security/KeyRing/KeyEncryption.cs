namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>How the data-protection keys are encrypted before they are stored in the database.</summary>
public enum KeyEncryption
{
    /// <summary>With a 256-bit key in a file outside the database (the single-machine default).</summary>
    KeyFile,

    /// <summary>With the certificate at <see cref="KeyRingOptions.CertificatePath"/>.</summary>
    Certificate,

    /// <summary>Not at all: whoever has a copy of the database can decrypt its IBANs and forge cookies.</summary>
    None,
}
