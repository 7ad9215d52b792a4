using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OtpNet;
using Portal.Application.Common;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Security;

/// <summary>
/// TOTP with Otp.NET. Secrets are encrypted with ASP.NET Core Data Protection before they are stored, so a
/// copy of the database alone can't produce codes. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class TotpTwoFactorAuthenticator(
    IDataProtectionProvider dataProtection,
    IOptions<BrandingOptions> branding,
    TimeProvider clock)
    : ITwoFactorAuthenticator
{
    private const int SecretBytes = 20;
    /// <summary>One step either side: a phone clock up to ~30 seconds off (or a code typed just as it rolled over) still works.</summary>
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Portal.TwoFactorSecret.v1");

    public string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public string AuthenticatorUri(string secret, string account) =>
        new OtpUri(OtpType.Totp, secret, account, branding.Value.CompanyName).ToString();

    public long? VerifyCode(string secret, string code)
    {
        if (code.Length != TwoFactorCode.Digits || !code.All(char.IsAsciiDigit)) return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var timeStep, Window) ? timeStep : null;
    }
}
