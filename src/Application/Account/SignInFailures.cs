using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>
/// Counts a wrong password or code towards the lockout and commits it at once, even when the request itself is refused.
/// Guesses sent in parallel at one account clash on its version; the one that lost counts again on a fresh copy of the
/// account, so no guess goes uncounted and none turns into an error.
/// </summary>
public sealed class SignInFailures(
    IRepository<UserAccount> users,
    IUnitOfWork unitOfWork,
    IOptions<AccountSecurityOptions> options,
    TimeProvider clock)
{
    /// <summary>Each round one of the clashing requests wins, so this bounds how many guesses can arrive at the same moment.</summary>
    private const int MaxRounds = 64;

    /// <summary>A wrong password or second factor at sign-in. Returns true when this failure locked the account.</summary>
    public Task<bool> CountWrongSignInAsync(UserAccount account, CancellationToken cancellationToken) =>
        CountAsync(account, (a, now, o) => a.RecordFailedSignIn(now, o.MaxFailedSignIns, o.LockoutDuration), cancellationToken);

    /// <summary>A wrong current password on a form of a signed-in user. Returns true when it locked the account.</summary>
    public Task<bool> CountWrongCurrentPasswordAsync(UserAccount account, CancellationToken cancellationToken) =>
        CountAsync(account, (a, now, o) => a.RecordWrongCurrentPassword(now, o.MaxFailedSignIns, o.LockoutDuration), cancellationToken);

    private async Task<bool> CountAsync(
        UserAccount account,
        Func<UserAccount, DateTimeOffset, AccountSecurityOptions, bool> count,
        CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            var locked = count(account, clock.GetUtcNow(), options.Value);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return locked;
            }
            catch (ConflictException) when (round < MaxRounds)
            {
                unitOfWork.DiscardChanges();
                account = await users.GetByIdAsync(account.Id, cancellationToken) ?? throw new NotFoundException("User");
            }
        }
    }
}
