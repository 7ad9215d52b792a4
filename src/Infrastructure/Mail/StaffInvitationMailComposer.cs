using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Application.Staff;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Mail;

/// <summary>Renders a colleague's invitation to the back office, as plain text and HTML, with a link on the public base URL.</summary>
internal sealed class StaffInvitationMailComposer(
    IOptions<BrandingOptions> branding,
    IPortalSettings settings) : IStaffInvitationMailComposer
{
    public async ValueTask<OutboxMessage> ComposeAsync(
        StaffInvitationMailContent content,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var mail = MailLayout.For(content.Language, await settings.CurrentAsync(cancellationToken));
        var company = mail.Company;
        var link = MailLayout.Link(branding.Value, PortalRoutes.StaffInvitationLink(content.Token));

        return mail.Render(
            content.ToAddress,
            content.ToName,
            mail.Text("StaffInvitation.Subject", company),
            [mail.Text("StaffInvitation.Intro", content.InvitedBy, company, mail.Text($"StaffRole.{content.Role}"))],
            null,
            (mail.Text("StaffInvitation.Action"), link),
            mail.Text("LinkValidity", mail.Time(content.ExpiresAt)) + "\n" + mail.Text("IgnoreNotice"),
            now);
    }
}
