using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.MySecurity;

/// <summary>
/// Begins turning on 2FA: a new secret is kept as pending (encrypted) until a code from it is confirmed.
/// Starting again replaces the pending secret, so a QR code shown earlier stops counting.
/// </summary>
public sealed record StartTwoFactorSetup : IRequest<TwoFactorSetup>;

/// <summary>What the authenticator app needs: the secret in text and the otpauth:// link the QR code carries.</summary>
public sealed record TwoFactorSetup(string Secret, string AuthenticatorUri);

public sealed class StartTwoFactorSetupHandler(
    IRepository<UserAccount> users,
    ITwoFactorAuthenticator authenticator,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork) : IRequestHandler<StartTwoFactorSetup, TwoFactorSetup>
{
    public async ValueTask<TwoFactorSetup> Handle(StartTwoFactorSetup command, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);
        var secret = authenticator.NewSecret();
        me.StartTwoFactorSetup(authenticator.Protect(secret));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new TwoFactorSetup(secret, authenticator.AuthenticatorUri(secret, me.Login));
    }
}
