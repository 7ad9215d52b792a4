using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>Checks e-mail and password. Any failure is one and the same null, so the page can't tell accounts apart.</summary>
public sealed record SignIn(string Email, string Password) : IRequest<SignedInUser?>;

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
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<SignIn, SignedInUser?>
{
    public async ValueTask<SignedInUser?> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserByLoginSpec(EmailAddress.Normalize(command.Email)), cancellationToken);
        if (user is null || !user.CanSignIn)
        {
            // Hash anyway so that an unknown e-mail costs as long as a wrong password.
            hasher.VerifyAgainstNoAccount(command.Password);
            return null;
        }

        var check = hasher.Verify(user, user.PasswordHash!, command.Password);
        if (check == PasswordCheck.Failed) return null;
        if (check == PasswordCheck.SuccessRehashNeeded) user.UpgradePasswordHash(hasher.Hash(user, command.Password));

        user.RecordSignIn(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return SignedInUser.From(user);
    }
}
