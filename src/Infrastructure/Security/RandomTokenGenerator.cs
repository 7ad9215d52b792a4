using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Application.Common;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Security;

/// <summary>256-bit tokens from the OS CSPRNG, URL-safe; only their SHA-256 is ever stored.</summary>
internal sealed class RandomTokenGenerator : ITokenGenerator
{
    public IssuedToken Create()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return new IssuedToken(token, Hash(token));
    }

    public string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
