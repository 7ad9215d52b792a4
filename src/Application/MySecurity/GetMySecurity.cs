using Mediator;
using Portal.Application.Common;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.MySecurity;

/// <summary>
/// What a security page shows (a customer's or a colleague's): the login, whether 2FA is on, whether the password must be
/// replaced, the last 20 security events, and a colleague's language and daily digest choice (null for a customer, and the
/// digest null for a colleague whose role can't have it).
/// </summary>
public sealed record GetMySecurity : IRequest<MySecurityView>
{
    public const int ActivityCount = 20;
}

public sealed record MySecurityView(
    string Login,
    bool TwoFactorEnabled,
    int RecoveryCodesLeft,
    bool MustChangePassword,
    IReadOnlyList<SecurityActivityItem> Activity,
    string? StaffLanguage = null,
    bool? StaffDailyDigest = null);

public sealed class GetMySecurityHandler(IReadRepository<UserAccount> users, IRecordReader<SecurityEvent> events, ICurrentUser currentUser)
    : IRequestHandler<GetMySecurity, MySecurityView>
{
    public async ValueTask<MySecurityView> Handle(GetMySecurity query, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);
        var activity = await events.ListAsync(new RecentSecurityEventsSpec(me.Id, GetMySecurity.ActivityCount), cancellationToken);
        return new MySecurityView(me.Login, me.TwoFactorEnabled, me.RecoveryCodes.Count(c => c.UsedAt is null), me.MustChangePassword,
            activity, (me as InternalUser)?.Language,
            me is InternalUser { MayReceiveDailyDigest: true } staff ? staff.DailyDigest : null);
    }
}
