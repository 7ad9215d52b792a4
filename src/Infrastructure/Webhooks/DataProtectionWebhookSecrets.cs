using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Application.Webhooks;

namespace Portal.Infrastructure.Webhooks;

/// <summary>
/// 256-bit random secrets, encrypted with ASP.NET Core Data Protection under a purpose of their own, with the keys in the
/// database (encrypted themselves), so every instance can sign and a protector for another purpose can't read them.
/// </summary>
internal sealed class DataProtectionWebhookSecrets(IDataProtectionProvider dataProtection) : IWebhookSecrets
{
    public const string Prefix = "whsec_";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Portal.Webhooks.Secret.v1");

    public string CreateProtected() =>
        _protector.Protect(Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)));

    public string Reveal(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
