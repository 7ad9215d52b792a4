using Microsoft.AspNetCore.DataProtection;

namespace Portal.Web.Infrastructure.Security;

/// <summary>
/// The data protection the antiforgery tokens are sealed with, remembering what each token decrypted to
/// (<see cref="DecryptedCookies{TKey,TValue}"/>): every page with a form reads the browser's antiforgery cookie, which stays
/// the same for the whole visit. The token each form carries is still sealed anew on every page, so no two pages show the
/// same one. Every other purpose is left to data protection as it is.
/// </summary>
public sealed class AntiforgeryCookieTokens(IDataProtectionProvider provider, DecryptedCookies<byte[], byte[]> decrypted)
    : IDataProtectionProvider
{
    /// <summary>The purpose ASP.NET Core's antiforgery asks data protection for (DefaultAntiforgeryTokenSerializer).</summary>
    public const string Purpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";

    public IDataProtector CreateProtector(string purpose) => purpose == Purpose
        ? new RememberingProtector(provider.CreateProtector(purpose), decrypted)
        : provider.CreateProtector(purpose);

    /// <summary>Compares what a cookie holds by content, since each request decodes it into an array of its own.</summary>
    public sealed class ByContent : IEqualityComparer<byte[]>
    {
        public static readonly ByContent Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
    }

    private sealed class RememberingProtector(IDataProtector protector, DecryptedCookies<byte[], byte[]> decrypted) : IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) => protector.CreateProtector(purpose);

        public byte[] Protect(byte[] plaintext) => protector.Protect(plaintext);

        public byte[] Unprotect(byte[] protectedData)
        {
            if (decrypted.TryGet(protectedData, out var known)) return [.. known];
            var plaintext = protector.Unprotect(protectedData);
            decrypted.Remember([.. protectedData], [.. plaintext]);
            return plaintext;
        }
    }
}
