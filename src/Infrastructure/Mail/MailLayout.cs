using System.Globalization;
using System.Resources;
using System.Text.Encodings.Web;
using Portal.Application.Settings;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// The one look every Portal e-mail has: greeting, paragraphs, an optional button with its link spelled
/// out, a footer and the signature — as plain text and as HTML with everything user-supplied encoded.
/// The company's name, colour, support contact and legal links come from the portal settings
/// (<see cref="IPortalSettings"/>), so a change in the back office shows in the very next mail.
/// </summary>
internal sealed class MailLayout(CultureInfo culture, PortalSettingsSnapshot brand)
{
    private readonly string company = brand.CompanyName;

    private static readonly ResourceManager Texts = new("Portal.Infrastructure.Mail.MailTexts", typeof(MailLayout).Assembly);

    public static MailLayout For(string language, PortalSettingsSnapshot brand) =>
        new(CultureInfo.GetCultureInfo(language == "de" ? "de-DE" : "en-GB"), brand);

    /// <summary>A page of the portal (an address from the route table) as a link on the public base URL.</summary>
    public static string Link(BrandingOptions branding, string path) => branding.PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>The company's name, for subjects and texts.</summary>
    public string Company => company;

    public string Text(string key, params object?[] args) =>
        string.Format(culture, Texts.GetString(key, culture) ?? key, args);

    public string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("f", culture) + " UTC";

    /// <summary>A day, as this mail's language writes one ("2. Dezember 2026", "2 December 2026"), without the weekday.</summary>
    public string Day(DateOnly value) =>
        value.ToString(culture.TwoLetterISOLanguageName == "de" ? "d. MMMM yyyy" : "d MMMM yyyy", culture);

    public OutboxMessage Render(string toAddress, string toName, string subject, IReadOnlyList<string?> paragraphs,
        string? quote, (string Label, string Link)? action, string? footer, DateTimeOffset now, IReadOnlyList<MailList>? lists = null) =>
        Prepare(subject, paragraphs, quote, action?.Label, footer, lists).Fill(toAddress, toName, action?.Link ?? "", now);

    /// <summary>
    /// The mail rendered but for whom it greets and where its button leads, so that mail alike but for those (a job's
    /// invitations) is rendered once and filled in per recipient.
    /// </summary>
    public PreparedMail Prepare(string subject, IReadOnlyList<string?> paragraphs, string? quote, string? actionLabel, string? footer,
        IReadOnlyList<MailList>? lists = null)
    {
        lists ??= [];
        var ignore = footer;
        var signature = Text("Signature", company);
        var contact = Contact();
        var legal = Legal();

        var textBefore = new List<string?>(paragraphs);
        textBefore.AddRange(lists.Select(list => string.Join("\n",
            new[] { list.Heading }.Concat(list.Items.Select(i => $"- {i.Label}{(i.Note is null ? "" : $" ({i.Note})")}: {i.Link}"))
                .Append(list.More is { } more ? $"{more.Label}: {more.Link}" : null)
                .Where(line => line is not null))));
        textBefore.Add(quote);
        var textAfter = new List<string?> { ignore, signature, contact };
        textAfter.AddRange(legal.Select(l => $"{l.Label}: {l.Link}"));

        var html = HtmlEncoder.Default;
        var before = new System.Text.StringBuilder();
        foreach (var paragraph in paragraphs) before.Append(Paragraph(paragraph));
        foreach (var list in lists)
        {
            before.Append($"<h2 style=\"font-size:110%;margin:20px 0 6px\">{html.Encode(list.Heading)}</h2>\n");
            if (list.Items.Count > 0)
            {
                before.Append("<ul>\n");
                foreach (var item in list.Items)
                    before.Append($"<li><a href=\"{html.Encode(item.Link)}\" style=\"color:{brand.PrimaryColour}\">{html.Encode(item.Label)}</a>"
                        + (item.Note is null ? "" : $" ({html.Encode(item.Note)})") + "</li>\n");
                before.Append("</ul>\n");
            }
            if (list.More is { } more)
                before.Append($"<p><a href=\"{html.Encode(more.Link)}\" style=\"color:{brand.PrimaryColour}\">{html.Encode(more.Label)}</a></p>\n");
        }
        if (!string.IsNullOrWhiteSpace(quote))
            before.Append(
                "<blockquote style=\"border-left:3px solid #ccc;margin:0;padding-left:12px\">" +
                $"{html.Encode(quote).Replace("&#xA;", "<br>")}</blockquote>\n");
        var after = new System.Text.StringBuilder();
        after.Append(Paragraph(ignore, " style=\"font-size:90%;color:#555\""));
        after.Append(Paragraph(signature));
        after.Append(Paragraph(contact, " style=\"font-size:90%;color:#555\""));
        if (legal.Count > 0)
            after.Append("<p style=\"font-size:90%;color:#555\">" + string.Join(" · ", legal.Select(l =>
                $"<a href=\"{html.Encode(l.Link)}\" style=\"color:{brand.PrimaryColour}\">{html.Encode(l.Label)}</a>")) + "</p>\n");

        var head = $"""
            <!DOCTYPE html>
            <html lang="{culture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><title>{html.Encode(subject)}</title></head>
            <body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#222">

            """;
        return new PreparedMail(this, brand.PrimaryColour, subject, JoinParts(textBefore), actionLabel, JoinParts(textAfter), head, before.ToString(),
            after.ToString());
    }

    private static string JoinParts(IEnumerable<string?> parts) => string.Join("\n\n", parts.Where(part => !string.IsNullOrWhiteSpace(part)));

    private static string Paragraph(string? value, string css = "") => string.IsNullOrWhiteSpace(value) ? ""
        : $"<p{css}>{HtmlEncoder.Default.Encode(value).Replace("&#xA;", "<br>")}</p>\n";

    /// <summary>A mail of <see cref="Prepare"/>, filled in with its recipient and its button's link.</summary>
    internal sealed class PreparedMail(
        MailLayout layout, string colour, string subject, string textBefore, string? actionLabel, string textAfter, string htmlHead,
        string htmlBefore, string htmlAfter)
    {
        public OutboxMessage Fill(string toAddress, string toName, string link, DateTimeOffset now)
        {
            var greeting = layout.Text("Greeting", toName);
            var text = JoinParts([greeting, textBefore, actionLabel is null ? null : $"{actionLabel}\n{link}", textAfter]);
            var html = HtmlEncoder.Default;
            var action = actionLabel is null ? "" :
                $"<p><a href=\"{html.Encode(link)}\" style=\"display:inline-block;background:{colour};" +
                "color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none\">" +
                $"{html.Encode(actionLabel)}</a></p>\n" + Paragraph(link, " style=\"font-size:90%;color:#555\"");
            var htmlBody = string.Concat(htmlHead, Paragraph(greeting), htmlBefore, action, htmlAfter) + "</body></html>";
            return OutboxMessage.Compose(toAddress, toName, subject, text, htmlBody, now);
        }
    }

    private string? Contact() => (brand.SupportEmail, brand.SupportPhone) switch
    {
        (null, null) => null,
        ({ } email, null) => Text("SupportContact", email),
        (null, { } phone) => Text("SupportContact", phone),
        ({ } email, { } phone) => Text("SupportContact", $"{email}, {phone}"),
    };

    private List<(string Label, string Link)> Legal()
    {
        var links = new List<(string, string)>();
        if (brand.ImprintUrl is { } imprint) links.Add((Text("Imprint"), imprint));
        if (brand.PrivacyUrl is { } privacy) links.Add((Text("Privacy"), privacy));
        return links;
    }
}

/// <summary>A titled list of links in a mail (a contact each), with a link to the whole list when there is one.</summary>
internal sealed record MailList(string Heading, IReadOnlyList<MailListItem> Items, (string Label, string Link)? More);

internal sealed record MailListItem(string Label, string Link, string? Note);
