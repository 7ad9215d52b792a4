using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Mail;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.MySecurity;

/// <summary>
/// Changes the signed-in user's password (a customer's or a colleague's). The security stamp rotates, so every other session ends;
/// the caller re-issues the current session with the returned user. A notice mail goes out.
/// </summary>
public sealed record ChangeMyPassword(string CurrentPassword, string NewPassword, string ConfirmPassword) : IRequest<SignedInUser>, IReentersCurrentPassword;

public sealed class ChangeMyPasswordValidator : AbstractValidator<ChangeMyPassword>
{
    public const string CurrentRequired = "Please enter your current password.";
    public const string CurrentWrong = "The current password is not correct.";

    public ChangeMyPasswordValidator(Portal.Application.Settings.IPortalSettings settings)
    {
        RuleFor(c => c.CurrentPassword).EnteredAsCurrentPassword();
        RuleFor(c => c.NewPassword).MeetsPasswordPolicy(_ => [], settings);
        RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage(PasswordPolicy.ConfirmationMismatch);
    }
}

public sealed class ChangeMyPasswordHandler(
    IRepository<UserAccount> users,
    IPasswordHasher hasher,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
    : IRequestHandler<ChangeMyPassword, SignedInUser>
{
    public async ValueTask<SignedInUser> Handle(ChangeMyPassword command, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);
        PasswordPolicy.RefusePersonalData(command.NewPassword, nameof(ChangeMyPassword.NewPassword), me.Login, AccountHolder.Of(me).Name);

        me.ChangePassword(hasher.Hash(me, command.NewPassword), clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return SignedInUser.From(me);
    }
}
