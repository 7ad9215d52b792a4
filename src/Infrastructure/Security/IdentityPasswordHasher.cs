using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512), at an iteration count that keeps guessing expensive.</summary>
internal sealed class IdentityPasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<UserAccount> _hasher;
    private readonly Lazy<(UserAccount User, string Hash)> _noAccount;

    public IdentityPasswordHasher(IOptions<PasswordHashingOptions> options)
        : this(Math.Max(PasswordHashingOptions.MinimumIterations, options.Value.Iterations)) { }

    private IdentityPasswordHasher(int iterationCount)
    {
        _hasher = new(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = iterationCount,
        }));
        _noAccount = new(() =>
        {
            var nobody = InternalUser.Create("nobody@invalid.example", "nobody");
            return (nobody, _hasher.HashPassword(nobody, Guid.NewGuid().ToString()));
        });
    }

    /// <summary>
    /// The same hasher below the production minimum, for tests whose subject is not the hash's cost: at production
    /// strength every sign-in spends about 165 ms of CPU, and the functional tests sign in well over a thousand times.
    /// </summary>
    internal static IdentityPasswordHasher ForTests(int iterationCount) => new(iterationCount);

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
