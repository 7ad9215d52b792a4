using Mediator;
using Portal.Application.Common;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;

namespace Portal.Application.MySecurity;

/// <summary>What the security page shows: the login, whether 2FA is on, and the last 20 security events.</summary>
public sealed record GetMySecurity : IRequest<MySecurityView>
{
    public const int ActivityCount = 20;
}

public sealed record MySecurityView(
    string Login,
    bool TwoFactorEnabled,
    int RecoveryCodesLeft,
    IReadOnlyList<SecurityActivityItem> Activity);

public sealed class GetMySecurityHandler(IReadRepository<PortalUser> users, IRecordReader<SecurityEvent> events, ICurrentUser currentUser)
    : IRequestHandler<GetMySecurity, MySecurityView>
{
    public async ValueTask<MySecurityView> Handle(GetMySecurity query, CancellationToken cancellationToken)
    {
        var me = await users.FirstOrDefaultAsync(new MySecurityAccountSpec(currentUser.UserId ?? 0), cancellationToken)
            ?? throw new NotFoundException("Portal user");
        var activity = await events.ListAsync(new RecentSecurityEventsSpec(me.Id, GetMySecurity.ActivityCount), cancellationToken);
        return new MySecurityView(me.Login, me.TwoFactorEnabled, me.RecoveryCodes.Count(c => c.UsedAt is null), activity);
    }
}
