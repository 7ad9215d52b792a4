using Microsoft.Extensions.Options;
using Portal.Application.PortalAccess;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Mail;

/// <summary>Renders the invitation in the contact's language, as plain text and HTML, with a link on the public base URL.</summary>
internal sealed class InvitationMailComposer(IOptions<BrandingOptions> branding) : IInvitationMailComposer
{
    public OutboxMessage Compose(InvitationMailContent content, DateTimeOffset now)
    {
        var company = branding.Value.CompanyName;
        var mail = MailLayout.For(content.Language, company);
        var link = $"{branding.Value.PublicBaseUrl.TrimEnd('/')}/invitation/{Uri.EscapeDataString(content.Token)}";
        var reset = content.SetsNewPassword;

        return mail.Render(
            content.ToAddress,
            content.ToName,
            reset ? mail.Text("ResetSubject", company) : mail.Text("InvitationSubject", company),
            [reset ? mail.Text("ResetIntro", content.InvitedBy, company) : mail.Text("InvitationIntro", content.InvitedBy, company)],
            content.WelcomeMessage,
            (reset ? mail.Text("ResetAction") : mail.Text("InvitationAction"), link),
            mail.Text("LinkValidity", mail.Time(content.ExpiresAt)) + "\n" + mail.Text("IgnoreNotice"),
            now);
    }
}
