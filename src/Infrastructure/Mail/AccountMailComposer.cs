using Microsoft.Extensions.Options;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Mail;

/// <summary>Renders the account's security mails (notices and one-time links) in the user's language.</summary>
internal sealed class AccountMailComposer(IOptions<BrandingOptions> branding, IPortalSettings settings) : IAccountMailComposer
{
    public async ValueTask<OutboxMessage> ComposeAsync(AccountMailContent content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await settings.CurrentAsync(cancellationToken);
        var mail = MailLayout.For(content.Language, current);
        var company = mail.Company;
        var key = content.Kind.ToString();
        var detail = content.Kind switch
        {
            AccountMailKind.TwoFactorChanged => mail.Text(content.Detail == "on" ? "TwoFactorOn" : "TwoFactorOff"),
            AccountMailKind.ColleagueDocumentKindsChanged => DocumentKinds(mail, content.Detail),
            _ => content.Detail,
        };

        (string, string)? action = content.Token is { } token && LinkPath(content.Kind, token) is { } path
            ? (mail.Text($"{key}.Action"), MailLayout.Link(branding.Value, path))
            : null;
        var footer = action is not null && content.ExpiresAt is { } expires
            ? mail.Text("LinkValidity", mail.Time(expires))
                // The notice's link is the one to use when it was not you, not one to ignore.
                + (content.Kind == AccountMailKind.EmailChangeNotice ? "" : "\n" + mail.Text("IgnoreNotice"))
            // A colleague's notice reports a decision of their company, not a break-in: no "if this wasn't you".
            : content.Actor is not null ? mail.Text("ColleagueNotice", company)
            : mail.Text(content.Kind == AccountMailKind.EmailChanged ? "EmailChanged.NotYou" : "NotYouNotice", company);

        List<string> paragraphs = [mail.Text($"{key}.Body", company, detail, mail.Time(now), content.Actor)];
        // The mandate names the creditor by its identifier; so does its confirmation, once the business has entered it.
        if (content.Kind == AccountMailKind.PaymentMethodAdded && current.CreditorIdentifier is { } creditor)
            paragraphs.Add(mail.Text("PaymentMethodAdded.CreditorIdentifier", company, creditor));

        return mail.Render(content.ToAddress, content.ToName, mail.Text($"{key}.Subject", company), paragraphs, null, action, footer, now);
    }

    /// <summary>"All" or the kinds by name, as <see cref="Domain.Documents.DocumentKindSet"/> writes them, in the mail's language.</summary>
    private static string DocumentKinds(MailLayout mail, string? choice) => choice switch
    {
        "All" => mail.Text("DocumentKinds.All"),
        null or "" or "None" => mail.Text("DocumentKinds.None"),
        _ => string.Join(", ", choice.Split(',').Select(kind => mail.Text($"DocumentKind.{kind}"))),
    };

    private static string? LinkPath(AccountMailKind kind, string token) => kind switch
    {
        AccountMailKind.PasswordResetLink => PortalRoutes.Account.ResetPasswordLink(token),
        AccountMailKind.EmailChangeConfirmation => PortalRoutes.Account.ConfirmEmailLink(token),
        AccountMailKind.EmailChangeNotice => PortalRoutes.Account.ReportEmailChangeLink(token),
        _ => null,
    };
}
