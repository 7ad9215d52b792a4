using Ardalis.Specification;
using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>
/// The second step of a sign-in: the password was right (the pending cookie carries the user and the stamp
/// it was checked against), now a code from the authenticator or a recovery code must be too. A wrong code
/// counts like a wrong password towards the lockout.
/// </summary>
public sealed record CompleteTwoFactorSignIn(
    int UserId,
    string SecurityStamp,
    string? Code,
    string? RecoveryCode) : IRequest<TwoFactorSignInResult>;

public abstract record TwoFactorSignInResult
{
    public static readonly TwoFactorSignInResult WrongCode = new WrongCodeResult();
    public static readonly TwoFactorSignInResult LockedOut = new LockedOutResult();
    /// <summary>
    /// The pending sign-in no longer stands (stamp rotated, access revoked, 2FA turned off): start over with the password.
    /// </summary>
    public static readonly TwoFactorSignInResult Expired = new ExpiredResult();

    public sealed record Succeeded(SignedInUser User) : TwoFactorSignInResult;

    private sealed record WrongCodeResult : TwoFactorSignInResult;
    private sealed record LockedOutResult : TwoFactorSignInResult;
    private sealed record ExpiredResult : TwoFactorSignInResult;
}

public sealed class CompleteTwoFactorSignInValidator : AbstractValidator<CompleteTwoFactorSignIn>
{
    public const string RecoveryCodeRequired = "Please enter one of your recovery codes.";
    public const int RecoveryCodeMaxLength = 64;

    public CompleteTwoFactorSignInValidator()
    {
        RuleFor(c => c.Code).Must(TwoFactorCode.IsWellFormed)
            .WithMessage(Portal.Application.MySecurity.EnableTwoFactorValidator.CodeRequired)
            .When(c => c.RecoveryCode is null);
        RuleFor(c => c.RecoveryCode).NotEmpty().WithMessage(RecoveryCodeRequired)
            .MaximumLength(RecoveryCodeMaxLength).WithMessage(RecoveryCodeRequired)
            .When(c => c.RecoveryCode is not null);
    }
}

public sealed class TwoFactorSignInUserSpec : Specification<UserAccount>, ISingleResultSpecification<UserAccount>
{
    public TwoFactorSignInUserSpec(int userId) =>
        Query.Where(u => u.Id == userId)
            .Include(u => ((PortalUser)u).Contact)
            .Include(u => u.RecoveryCodes)
            .AsSplitQuery();
}

public sealed class CompleteTwoFactorSignInHandler(
    IRepository<UserAccount> users,
    ITwoFactorAuthenticator authenticator,
    SignInFailures failures,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CompleteTwoFactorSignIn, TwoFactorSignInResult>
{
    public async ValueTask<TwoFactorSignInResult> Handle(CompleteTwoFactorSignIn command, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new TwoFactorSignInUserSpec(command.UserId), cancellationToken);
        if (user is null || !user.CanSignIn || !user.TwoFactorEnabled
            || !string.Equals(user.SecurityStamp, command.SecurityStamp, StringComparison.Ordinal))
            return TwoFactorSignInResult.Expired;

        var now = clock.GetUtcNow();
        if (user.TurnAwayWhileLockedOut(now))
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return TwoFactorSignInResult.LockedOut;
        }

        var accepted = command.RecoveryCode is not null
            ? user.UseRecoveryCode(RecoveryCodes.Hash(command.RecoveryCode), now)
            : TimeStepOf(user, command.Code) is { } step && user.AcceptTotpTimeStep(step);
        if (!accepted)
        {
            var locked = await failures.CountWrongSignInAsync(user, cancellationToken);
            return locked ? TwoFactorSignInResult.LockedOut : TwoFactorSignInResult.WrongCode;
        }

        user.RecordSignIn(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new TwoFactorSignInResult.Succeeded(SignedInUser.From(user));
    }

    private long? TimeStepOf(UserAccount user, string? code) =>
        user.TwoFactorSecret is { } protectedSecret && authenticator.Unprotect(protectedSecret) is { } secret
            ? authenticator.VerifyCode(secret, TwoFactorCode.Normalize(code))
            : null;
}
