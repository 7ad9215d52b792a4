using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;

namespace Portal.Application.Payments;

/// <summary>
/// What every change to a customer's bank accounts leaves behind, in the same unit of work: a line in the security
/// activity and a notice mail naming the account by its masked IBAN only.
/// </summary>
public sealed class PaymentMethodNotices(SecurityLog securityLog, IRepository<OutboxMessage> outbox, IAccountMailComposer mails, TimeProvider clock)
{
    public async Task RecordAsync(PortalUser me, SecurityEventKind activity, AccountMailKind mail, string maskedIban, CancellationToken cancellationToken)
    {
        await securityLog.RecordAsync(me.Id, activity, cancellationToken);
        await outbox.AddAsync(await mails.ComposeAsync(
            new AccountMailContent(mail, me.Login, me.Contact.Name, me.Contact.PreferredLanguage, Detail: maskedIban), clock.GetUtcNow(), cancellationToken), cancellationToken);
    }
}
