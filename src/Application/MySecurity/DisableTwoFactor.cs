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
/// Turns 2FA off after the current password is re-entered (a session left open on someone's desk is not
/// enough). Secret and recovery codes are forgotten; the stamp rotates, so the caller re-issues this session.
/// </summary>
public sealed record DisableTwoFactor(string CurrentPassword) : IRequest<SignedInUser>, IReentersCurrentPassword;

public sealed class DisableTwoFactorValidator : AbstractValidator<DisableTwoFactor>
{
    public DisableTwoFactorValidator() =>
        RuleFor(c => c.CurrentPassword).EnteredAsCurrentPassword();
}

public sealed class DisableTwoFactorHandler(
    IRepository<UserAccount> users,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork)
    : IRequestHandler<DisableTwoFactor, SignedInUser>
{
    public async ValueTask<SignedInUser> Handle(DisableTwoFactor command, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);

        me.DisableTwoFactor();
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return SignedInUser.From(me);
    }
}
