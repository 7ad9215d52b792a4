using Portal.Domain.Mail;

namespace Portal.Application.Account;

/// <summary>The security e-mails an account receives. Links are built by the composer from the public base URL.</summary>
public enum AccountMailKind
{
    /// <summary>Notice: the password was changed from the security page.</summary>
    PasswordChanged = 1,
    /// <summary>Link to set a new password (forgotten password).</summary>
    PasswordResetLink = 2,
    /// <summary>Notice: the password was reset through a link.</summary>
    PasswordWasReset = 3,
    /// <summary>Link to the new address to confirm an e-mail change; <see cref="AccountMailContent.Detail"/> is the new address.</summary>
    EmailChangeConfirmation = 4,
    /// <summary>
    /// Notice to the old address that a change to <see cref="AccountMailContent.Detail"/> was requested, with the link to
    /// report the change if it was not the customer's.
    /// </summary>
    EmailChangeNotice = 5,
    /// <summary>Notice: the customer closed their account.</summary>
    AccountClosed = 6,
    /// <summary>
    /// Notice: two-factor authentication was switched on or off; <see cref="AccountMailContent.Detail"/> is "on" or "off".
    /// </summary>
    TwoFactorChanged = 7,
    /// <summary>
    /// Notice: a bank account was added with a direct-debit mandate; <see cref="AccountMailContent.Detail"/> is the masked IBAN.
    /// </summary>
    PaymentMethodAdded = 8,
    /// <summary>Notice: a bank account was removed; <see cref="AccountMailContent.Detail"/> is the masked IBAN.</summary>
    PaymentMethodRemoved = 9,
    /// <summary>Notice: another bank account is now the default; <see cref="AccountMailContent.Detail"/> is its masked IBAN.</summary>
    DefaultPaymentMethodChanged = 10,
    /// <summary>Notice: an active customer set a new password through a re-invite link.</summary>
    PasswordSetThroughInvitation = 11,
    /// <summary>
    /// Notice to the old address: the login is now <see cref="AccountMailContent.Detail"/>. No link: the old address can no
    /// longer undo anything, so the notice says whom to contact.
    /// </summary>
    EmailChanged = 12,
    /// <summary>Notice: the company administrator <see cref="AccountMailContent.Actor"/> ended the colleague's access.</summary>
    ColleagueAccessRevoked = 13,
    /// <summary>Notice: the company administrator <see cref="AccountMailContent.Actor"/> made the colleague a company administrator.</summary>
    ColleagueMadeCompanyAdministrator = 14,
    /// <summary>Notice: the company administrator <see cref="AccountMailContent.Actor"/> ended the colleague's administrator role.</summary>
    ColleagueCompanyAdministratorEnded = 15,
    /// <summary>
    /// Notice: the company administrator <see cref="AccountMailContent.Actor"/> chose which kinds of the company's documents the
    /// colleague sees; <see cref="AccountMailContent.Detail"/> is the choice, language-neutral ("All", "Quotation,Invoice", "").
    /// </summary>
    ColleagueDocumentKindsChanged = 16,
}

public sealed record AccountMailContent(
    AccountMailKind Kind,
    string ToAddress,
    string ToName,
    string Language,
    string? Token = null,
    DateTimeOffset? ExpiresAt = null,
    string? Detail = null,
    string? Actor = null);

public interface IAccountMailComposer
{
    /// <summary>Renders the mail with the portal settings' current branding.</summary>
    ValueTask<OutboxMessage> ComposeAsync(AccountMailContent content, DateTimeOffset now, CancellationToken cancellationToken);
}
