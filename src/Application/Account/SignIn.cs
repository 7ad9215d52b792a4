using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Contacts;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>
/// Checks e-mail and password. Every failure — unknown e-mail, wrong password, locked account — is the
/// same <see cref="SignInResult.Failed"/>, so the page can't tell accounts apart.
/// </summary>
public sealed record SignIn(string Email, string Password) : IRequest<SignInResult>;

public abstract record SignInResult
{
    public static readonly SignInResult Failed = new FailedSignIn();

    public sealed record Succeeded(SignedInUser User) : SignInResult;

    /// <summary>The password was right; the user must now prove the second factor before a session is issued.</summary>
    public sealed record TwoFactorRequired(int UserId, string SecurityStamp) : SignInResult;

    private sealed record FailedSignIn : SignInResult;
}

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public const string Required = "Please enter your e-mail address and password.";

    public SignInValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage(Required).MaximumLength(EmailAddress.MaxLength).WithMessage(Required);
        RuleFor(c => c.Password).NotEmpty().WithMessage(Required).MaximumLength(PasswordPolicy.MaxLength * 4).WithMessage(Required);
    }
}

public sealed class SignInHandler(
    IRepository<UserAccount> users,
    IPasswordHasher hasher,
    SignInFailures failures,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<SignIn, SignInResult>
{
    public async ValueTask<SignInResult> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserByLoginSpec(EmailAddress.Normalize(command.Email)), cancellationToken);
        var now = clock.GetUtcNow();
        if (user is null || !user.CanSignIn)
        {
            // Hash anyway so that an unknown e-mail costs as long as a wrong password.
            hasher.VerifyAgainstNoAccount(command.Password);
            return SignInResult.Failed;
        }

        if (user.TurnAwayWhileLockedOut(now))
        {
            hasher.VerifyAgainstNoAccount(command.Password);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return SignInResult.Failed;
        }

        var check = hasher.Verify(user, user.PasswordHash!, command.Password);
        if (check == PasswordCheck.Failed)
        {
            await failures.CountWrongSignInAsync(user, cancellationToken);
            return SignInResult.Failed;
        }
        if (check == PasswordCheck.SuccessRehashNeeded) user.UpgradePasswordHash(hasher.Hash(user, command.Password));

        if (user.TwoFactorEnabled)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return new SignInResult.TwoFactorRequired(user.Id, user.SecurityStamp);
        }

        user.RecordSignIn(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new SignInResult.Succeeded(SignedInUser.From(user));
    }
}
