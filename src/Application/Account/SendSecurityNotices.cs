using Mediator;
using Portal.Application.Common;
using Portal.Domain.Mail;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>
/// The mails an account's owner gets about its security: the links they asked for, and a notice of every move they
/// must hear of even when it was not theirs (a password changed, 2FA switched, a bank account added, the account closed).
/// </summary>
public sealed class SendSecurityNotices(IRecordWriter<OutboxMessage> outbox, IAccountMailComposer mails, TimeProvider clock)
    : INotificationHandler<AccountSecurityEvent>
{
    public async ValueTask Handle(AccountSecurityEvent notification, CancellationToken cancellationToken)
    {
        foreach (var mail in MailsAbout(notification))
            outbox.Append(await mails.ComposeAsync(mail, clock.GetUtcNow(), cancellationToken));
    }

    private static IEnumerable<AccountMailContent> MailsAbout(AccountSecurityEvent notification)
    {
        var login = notification.Account.Login;

        // Who the account belongs to is only looked at for a mail: most events (a sign-in, say) send none.
        AccountMailContent To(
            string address, AccountMailKind kind, string? token = null, DateTimeOffset? expiresAt = null, string? detail = null)
        {
            var holder = AccountHolder.Of(notification.Account);
            return new(kind, address, holder.Name, holder.Language, token, expiresAt, detail);
        }

        switch (notification)
        {
            case PasswordChanged:
                yield return To(login, AccountMailKind.PasswordChanged);
                break;
            case PasswordResetRequested reset:
                yield return To(login, AccountMailKind.PasswordResetLink, reset.Token, reset.ExpiresAt);
                break;
            case PasswordWasReset:
                yield return To(login, AccountMailKind.PasswordWasReset);
                break;
            case PasswordSetThroughInvitation:
                yield return To(login, AccountMailKind.PasswordSetThroughInvitation);
                break;
            case TwoFactorEnabled:
                yield return To(login, AccountMailKind.TwoFactorChanged, detail: "on");
                break;
            case TwoFactorDisabled:
                yield return To(login, AccountMailKind.TwoFactorChanged, detail: "off");
                break;
            case AccountClosed:
                yield return To(login, AccountMailKind.AccountClosed);
                break;
            case BankAccountChanged change:
                var notice = change.Kind switch
                {
                    SecurityEventKind.PaymentMethodAdded => AccountMailKind.PaymentMethodAdded,
                    SecurityEventKind.PaymentMethodRemoved => AccountMailKind.PaymentMethodRemoved,
                    _ => AccountMailKind.DefaultPaymentMethodChanged,
                };
                yield return To(login, notice, detail: change.MaskedIban);
                break;
            case EmailChangeRequested change:
                yield return To(change.NewEmail, AccountMailKind.EmailChangeConfirmation, change.Token, change.ExpiresAt, change.NewEmail);
                // The old address hears of it too: if the request was not the customer's, this is how they find out, and
                // its link cancels the change.
                yield return To(login, AccountMailKind.EmailChangeNotice, change.ReportToken, change.ExpiresAt, change.NewEmail);
                break;
            case EmailChanged changed:
                // The old address is no longer the login, so it can't undo anything: it learns of the change and whom to ask.
                yield return To(changed.OldEmail, AccountMailKind.EmailChanged, detail: login);
                break;
        }
    }
}
