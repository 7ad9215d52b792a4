using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512), at an iteration count that keeps guessing expensive.</summary>
internal sealed class IdentityPasswordHasher(IOptions<PasswordHashingOptions> options) : IPasswordHasher
{
    private readonly PasswordHasher<UserAccount> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Math.Max(PasswordHashingOptions.MinimumIterations, options.Value.Iterations),
    }));

    private readonly Lazy<(UserAccount User, string Hash)> _noAccount = new(() =>
    {
        var nobody = InternalUser.Create("nobody@invalid.example", "nobody");
        return (nobody, new PasswordHasher<UserAccount>(Options.Create(new PasswordHasherOptions
        {
            IterationCount = Math.Max(PasswordHashingOptions.MinimumIterations, options.Value.Iterations),
        })).HashPassword(nobody, Guid.NewGuid().ToString()));
    });

    public string Hash(UserAccount user, string password) => _hasher.HashPassword(user, password);

    public void VerifyAgainstNoAccount(string password) =>
        _hasher.VerifyHashedPassword(_noAccount.Value.User, _noAccount.Value.Hash, password);

    public PasswordCheck Verify(UserAccount user, string passwordHash, string password) =>
        _hasher.VerifyHashedPassword(user, passwordHash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Success,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
            _ => PasswordCheck.Failed,
        };
}
