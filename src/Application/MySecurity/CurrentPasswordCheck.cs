using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.MySecurity;

/// <summary>
/// Checks the re-entered current password of every <see cref="IReentersCurrentPassword"/> request before its handler runs.
/// A wrong one is an error on that field and counts like a wrong password at sign-in; the count is committed although the
/// request is refused, and the failure that locks the account ends its sessions. While the account is locked out, no
/// password is accepted here either. It wraps only those requests (the generator applies it where the constraint holds),
/// so the pages that merely read never build its repository, hasher and unit of work.
/// </summary>
public sealed class CurrentPasswordCheck<TMessage, TResponse>(
    ICurrentUser currentUser,
    IRepository<UserAccount> users,
    IPasswordHasher hasher,
    SignInFailures failures,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IReentersCurrentPassword
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (currentUser.UserId is { } userId && await users.GetByIdAsync(userId, cancellationToken) is { } account)
        {
            if (account.TurnAwayWhileLockedOut(clock.GetUtcNow()))
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
                throw Wrong();
            }
            if (account.PasswordHash is null || hasher.Verify(account, account.PasswordHash, message.CurrentPassword) == PasswordCheck.Failed)
            {
                await failures.CountWrongCurrentPasswordAsync(account, cancellationToken);
                throw Wrong();
            }
        }
        return await next(message, cancellationToken);
    }

    private static ValidationException Wrong() =>
        new([new ValidationFailure(nameof(IReentersCurrentPassword.CurrentPassword), ChangeMyPasswordValidator.CurrentWrong)]);
}
