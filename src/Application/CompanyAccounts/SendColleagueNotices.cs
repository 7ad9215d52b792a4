using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// The colleague hears by mail of every move their company administrator made on their access, in their own language, in
/// the change's transaction. A re-invite needs no notice: its invitation mail is one.
/// </summary>
public sealed class SendColleagueNotices(IRecordWriter<OutboxMessage> outbox, IAccountMailComposer mails, TimeProvider clock)
    : INotificationHandler<ColleagueAccessChangedByCompany>
{
    public async ValueTask Handle(ColleagueAccessChangedByCompany notification, CancellationToken cancellationToken)
    {
        var user = notification.User;
        AccountMailKind? kind = notification.Change switch
        {
            PortalAccessEventKind.Revoked => AccountMailKind.ColleagueAccessRevoked,
            PortalAccessEventKind.MadeCompanyAdministrator => AccountMailKind.ColleagueMadeCompanyAdministrator,
            PortalAccessEventKind.CompanyAdministratorEnded => AccountMailKind.ColleagueCompanyAdministratorEnded,
            PortalAccessEventKind.CompanyDocumentKindsChanged => AccountMailKind.ColleagueDocumentKindsChanged,
            _ => null,
        };
        if (kind is null) return;
        var holder = AccountHolder.Of(user);
        var detail = notification.Change == PortalAccessEventKind.CompanyDocumentKindsChanged ? user.CompanyDocumentKinds.ToString() : null;
        var mail = new AccountMailContent(kind.Value, user.Login, holder.Name, holder.Language, Detail: detail,
            Actor: notification.AdministratorName);
        outbox.Append(await mails.ComposeAsync(mail, clock.GetUtcNow(), cancellationToken));
    }
}
