using System.Security.Cryptography;
using System.Text;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.UnitTests.Application.Support;

public sealed class FakeCurrentUser : ICurrentUser
{
    public int? UserId { get; set; }

    public string ActorName { get; set; } = "admin@portal.example";

    public string? IpAddress { get; set; } = "203.0.113.7";

    public string? SessionToken { get; set; }
}

/// <summary>Predictable tokens ("token-1", "token-2", …) with the real SHA-256 hex hash, so the stored hash can be checked.</summary>
public sealed class FakeTokenGenerator : ITokenGenerator
{
    private int _issued;

    public List<IssuedToken> Issued { get; } = [];

    public IssuedToken Create()
    {
        // Requests at the same moment create tokens in parallel.
        var token = $"token-{Interlocked.Increment(ref _issued)}";
        var issued = new IssuedToken(token, Hash(token));
        lock (Issued) Issued.Add(issued);
        return issued;
    }

    public string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>
/// A fast stand-in for PBKDF2. A hash is Base64("fake:" + password); one made as Base64("legacy:" + password)
/// verifies but asks for a rehash, like a hash made with fewer iterations. Base64 whose first byte is neither
/// 0x00 nor 0x01 is also what Identity's hasher calmly answers "failed" to, should a fake hash ever meet it.
/// </summary>
public sealed class FakePasswordHasher : IPasswordHasher
{
    public int Verifications { get; private set; }

    public static string HashOf(string password) => Encode("fake:" + password);

    public static string LegacyHashOf(string password) => Encode("legacy:" + password);

    public string Hash(UserAccount user, string password) => HashOf(password);

    public PasswordCheck Verify(UserAccount user, string passwordHash, string password)
    {
        Verifications++;
        return passwordHash == HashOf(password) ? PasswordCheck.Success
            : passwordHash == LegacyHashOf(password) ? PasswordCheck.SuccessRehashNeeded
            : PasswordCheck.Failed;
    }

    public void VerifyAgainstNoAccount(string password) => Verifications++;

    private static string Encode(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
}

/// <summary>The portal settings as a test sets them: defaults until changed with <see cref="Change"/>.</summary>
public sealed class FakePortalSettings : Portal.Application.Settings.IPortalSettings
{
    public Portal.Application.Settings.PortalSettingsSnapshot Current { get; private set; } =
        Portal.Application.Settings.PortalSettingsSnapshot.From(
            Portal.Domain.Settings.PortalSettings.CreateDefault("Contoso", Portal.Domain.PortalAccess.Invitation.DefaultValidity,
                TimeSpan.FromMinutes(30)));

    public void Change(
        Func<Portal.Application.Settings.PortalSettingsSnapshot, Portal.Application.Settings.PortalSettingsSnapshot> change) =>
        Current = change(Current);

    public ValueTask<Portal.Application.Settings.PortalSettingsSnapshot> CurrentAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(Current);

    public void Invalidate() { }
}
