using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Application.Settings;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Mail;

/// <summary>Renders the invitation in the contact's language, as plain text and HTML, with a link on the public base URL.</summary>
internal sealed class InvitationMailComposer(IOptions<BrandingOptions> branding, IPortalSettings settings) : IInvitationMailComposer
{
    public async ValueTask<OutboxMessage> ComposeAsync(
        InvitationMailContent content,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var mail = MailLayout.For(content.Language, await settings.CurrentAsync(cancellationToken));
        var company = mail.Company;
        var link = MailLayout.Link(branding.Value, PortalRoutes.InvitationLink(content.Token));
        var reset = content.SetsNewPassword;
        var (subject, intro) = content.IsReminder
            ? (mail.Text("ReminderSubject", company), mail.Text("ReminderIntro", content.InvitedBy, company))
            : reset
                ? (mail.Text("ResetSubject", company), mail.Text("ResetIntro", content.InvitedBy, company))
                : (mail.Text("InvitationSubject", company), mail.Text("InvitationIntro", content.InvitedBy, company));

        return mail.Render(
            content.ToAddress,
            content.ToName,
            subject,
            [intro],
            content.WelcomeMessage,
            (reset ? mail.Text("ResetAction") : mail.Text("InvitationAction"), link),
            mail.Text("LinkValidity", mail.Time(content.ExpiresAt)) + "\n" + mail.Text("IgnoreNotice"),
            now);
    }
}
