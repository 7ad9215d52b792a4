using Portal.Application.PortalAccess;
using Portal.Application.Settings;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Mail;

/// <summary>Renders staff's decision on a company administrator's request, in the requester's language.</summary>
internal sealed class ColleagueRequestMailComposer(IPortalSettings settings) : IColleagueRequestMailComposer
{
    public async ValueTask<OutboxMessage> ComposeAsync(
        ColleagueRequestMailContent content,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var mail = MailLayout.For(content.Language, await settings.CurrentAsync(cancellationToken));
        var key = content.Approved ? "ColleagueRequestApproved" : "ColleagueRequestRefused";
        var colleague = $"{content.ColleagueName} <{content.ColleagueEmail}>";
        var reason = string.IsNullOrWhiteSpace(content.Reason) ? null : mail.Text("ColleagueRequestRefused.Reason", content.Reason);
        return mail.Render(content.ToAddress, content.ToName, mail.Text($"{key}.Subject", mail.Company),
            [mail.Text($"{key}.Body", mail.Company, colleague), reason], null, null, null, now);
    }
}
