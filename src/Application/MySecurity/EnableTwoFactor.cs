using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Mail;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.MySecurity;

/// <summary>
/// Turns 2FA on once the current password is re-entered (a session left open must not be enough to tie the account to
/// someone else's phone) and a code proves the authenticator holds the pending secret. Returns the recovery codes in
/// plain text — the only time they exist unhashed — and the user for re-issuing the session (the stamp rotated).
/// </summary>
public sealed record EnableTwoFactor(string Code, string CurrentPassword) : IRequest<TwoFactorActivation>, IReentersCurrentPassword;

public sealed record TwoFactorActivation(SignedInUser User, IReadOnlyList<string> RecoveryCodes);

public sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactor>
{
    public const string CodeRequired = "Please enter the 6-digit code from your authenticator app.";
    public const string CodeWrong =
        "This code is not correct. Please enter the newest code your app shows; if it still fails, check that your phone's clock is right.";

    public EnableTwoFactorValidator()
    {
        RuleFor(c => c.CurrentPassword).EnteredAsCurrentPassword();
        RuleFor(c => c.Code).Must(TwoFactorCode.IsWellFormed).WithMessage(CodeRequired);
    }
}

public sealed class EnableTwoFactorHandler(
    IRepository<UserAccount> users,
    ITwoFactorAuthenticator authenticator,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<EnableTwoFactor, TwoFactorActivation>
{
    public async ValueTask<TwoFactorActivation> Handle(EnableTwoFactor command, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);
        if (me.TwoFactorEnabled) throw new DomainException(DomainErrors.TwoFactorAlreadyEnabled);
        var secret = me.PendingTwoFactorSecret is { } pending ? authenticator.Unprotect(pending) : null;
        if (secret is null) throw new DomainException(DomainErrors.TwoFactorSetupNotStarted);
        var timeStep = authenticator.VerifyCode(secret, TwoFactorCode.Normalize(command.Code))
            ?? throw new ValidationException([new ValidationFailure(nameof(EnableTwoFactor.Code), EnableTwoFactorValidator.CodeWrong)]);

        var recoveryCodes = RecoveryCodes.Generate();
        me.EnableTwoFactor(timeStep, recoveryCodes.Select(RecoveryCodes.Hash), clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new TwoFactorActivation(SignedInUser.From(me), recoveryCodes);
    }
}
