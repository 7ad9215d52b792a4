using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Application.Settings;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Mail;

/// <summary>Renders the invitation in the contact's language, as plain text and HTML, with a link on the public base URL.</summary>
/// <remarks>
/// A job's batch composes hundreds of invitations that differ only in their recipient and link: the rest of the last one is
/// kept, for as long as the next one says the same in the same language under the same branding.
/// </remarks>
internal sealed class InvitationMailComposer(IOptions<BrandingOptions> branding, IPortalSettings settings) : IInvitationMailComposer
{
    private Prepared? _last;

    public async ValueTask<OutboxMessage> ComposeAsync(
        InvitationMailContent content,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var brand = await settings.CurrentAsync(cancellationToken);
        var alike = new Alike(content.Language, content.ExpiresAt, content.InvitedBy, content.WelcomeMessage, content.SetsNewPassword,
            content.IsReminder, brand);
        var last = Volatile.Read(ref _last);
        if (last is null || last.Alike != alike)
        {
            last = new Prepared(alike, Prepare(content, brand));
            Volatile.Write(ref _last, last);
        }
        return last.Mail.Fill(content.ToAddress, content.ToName, MailLayout.Link(branding.Value, PortalRoutes.InvitationLink(content.Token)), now);
    }

    private static MailLayout.PreparedMail Prepare(InvitationMailContent content, PortalSettingsSnapshot brand)
    {
        var mail = MailLayout.For(content.Language, brand);
        var company = mail.Company;
        var reset = content.SetsNewPassword;
        var (subject, intro) = content.IsReminder
            ? (mail.Text("ReminderSubject", company), mail.Text("ReminderIntro", content.InvitedBy, company))
            : reset
                ? (mail.Text("ResetSubject", company), mail.Text("ResetIntro", content.InvitedBy, company))
                : (mail.Text("InvitationSubject", company), mail.Text("InvitationIntro", content.InvitedBy, company));

        return mail.Prepare(
            subject,
            [intro],
            content.WelcomeMessage,
            reset ? mail.Text("ResetAction") : mail.Text("InvitationAction"),
            mail.Text("LinkValidity", mail.Time(content.ExpiresAt)) + "\n" + mail.Text("IgnoreNotice"));
    }

    /// <summary>Everything but the recipient and the link.</summary>
    private sealed record Alike(
        string Language, DateTimeOffset ExpiresAt, string InvitedBy, string? WelcomeMessage, bool SetsNewPassword, bool IsReminder,
        PortalSettingsSnapshot Brand);

    private sealed record Prepared(Alike Alike, MailLayout.PreparedMail Mail);
}
