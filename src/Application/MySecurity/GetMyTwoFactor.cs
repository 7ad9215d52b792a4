using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.MySecurity;

/// <summary>
/// The two-factor page: whether 2FA is on, how many recovery codes are left, and — only while a setup is
/// under way — the pending secret to show again. Once 2FA is on, the secret is never shown again.
/// </summary>
public sealed record GetMyTwoFactor : IRequest<MyTwoFactorView>;

public sealed record MyTwoFactorView(
    string Login,
    bool Enabled,
    DateTimeOffset? EnabledAt,
    int RecoveryCodesLeft,
    TwoFactorSetup? PendingSetup);

public sealed class GetMyTwoFactorHandler(
    IReadRepository<UserAccount> users,
    ITwoFactorAuthenticator authenticator,
    ICurrentUser currentUser)
    : IRequestHandler<GetMyTwoFactor, MyTwoFactorView>
{
    public async ValueTask<MyTwoFactorView> Handle(GetMyTwoFactor query, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);
        var pending = !me.TwoFactorEnabled && me.PendingTwoFactorSecret is { } protectedSecret
            && authenticator.Unprotect(protectedSecret) is { } secret
            ? new TwoFactorSetup(secret, authenticator.AuthenticatorUri(secret, me.Login))
            : null;
        return new MyTwoFactorView(
            me.Login, me.TwoFactorEnabled, me.TwoFactorEnabledAt, me.RecoveryCodes.Count(c => c.UsedAt is null), pending);
    }
}
