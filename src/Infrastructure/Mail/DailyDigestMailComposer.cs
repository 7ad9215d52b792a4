using Microsoft.Extensions.Options;
using Portal.Application.Adoption;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Adoption;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// Renders a colleague's daily digest in their language: a section per kind of trouble with its count, the first contacts by
/// name (each linking to its page in the back office), and the filtered contacts list where all of them can be re-invited.
/// </summary>
internal sealed class DailyDigestMailComposer(IOptions<BrandingOptions> branding, IPortalSettings settings) : IDailyDigestMailComposer
{
    public async ValueTask<OutboxMessage> ComposeAsync(DailyDigestMailContent content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mail = MailLayout.For(content.Recipient.Language, await settings.CurrentAsync(cancellationToken));
        var day = mail.Day(content.Day);
        var lists = content.Sections.Where(s => s.Count > 0).Select(section =>
        {
            var key = $"DailyDigest.{section.Kind}";
            var items = section.Contacts.Select(c => new MailListItem(
                c.Email is null ? c.Name : $"{c.Name} <{c.Email}>",
                MailLayout.Link(branding.Value, PortalRoutes.Admin.ContactLink(c.ContactId)),
                c.LinkEnds is { } ends ? mail.Text($"{key}.Note", mail.Time(ends)) : null)).ToList();
            var all = MailLayout.Link(branding.Value, PortalRoutes.Admin.ContactsLink(DailyDigests.FilterOf(section.Kind).ToString()));
            var more = section.Count > section.Contacts.Count
                ? mail.Text("DailyDigest.AllOf", section.Count)
                : mail.Text("DailyDigest.ReInviteAll");
            return new MailList(mail.Text(key, section.Count), items, (more, all));
        }).ToList();
        var unsubscribe = MailLayout.Link(branding.Value, PortalRoutes.Admin.Account + "#" + PortalRoutes.Admin.DailyDigestSection);
        lists.Add(new MailList(mail.Text("DailyDigest.Settings"), [new(mail.Text("DailyDigest.Unsubscribe"), unsubscribe, null)], null));

        return mail.Render(
            content.Recipient.Email,
            content.Recipient.Name,
            mail.Text("DailyDigest.Subject", mail.Company, day),
            [mail.Text("DailyDigest.Intro", mail.Company, day)],
            null,
            null,
            mail.Text("DailyDigest.Why"),
            now,
            lists);
    }
}
