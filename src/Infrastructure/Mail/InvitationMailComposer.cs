using System.Globalization;
using System.Resources;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Portal.Application.PortalAccess;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Mail;

/// <summary>Renders the invitation in the contact's language, as plain text and HTML, with a link on the public base URL.</summary>
internal sealed class InvitationMailComposer(IOptions<BrandingOptions> branding) : IInvitationMailComposer
{
    private static readonly ResourceManager Texts = new("Portal.Infrastructure.Mail.MailTexts", typeof(InvitationMailComposer).Assembly);

    public OutboxMessage Compose(InvitationMailContent content, DateTimeOffset now)
    {
        var culture = CultureInfo.GetCultureInfo(content.Language == "de" ? "de-DE" : "en-GB");
        string T(string key, params object[] args) =>
            string.Format(culture, Texts.GetString(key, culture) ?? key, args);

        var company = branding.Value.CompanyName;
        var link = $"{branding.Value.PublicBaseUrl.TrimEnd('/')}/invitation/{Uri.EscapeDataString(content.Token)}";
        var expires = content.ExpiresAt.ToUniversalTime().ToString("f", culture) + " UTC";

        var subject = content.SetsNewPassword ? T("ResetSubject", company) : T("InvitationSubject", company);
        var greeting = T("Greeting", content.ToName);
        var intro = content.SetsNewPassword ? T("ResetIntro", content.InvitedBy, company) : T("InvitationIntro", content.InvitedBy, company);
        var action = content.SetsNewPassword ? T("ResetAction") : T("InvitationAction");
        var validity = T("LinkValidity", expires);
        var ignore = T("IgnoreNotice");
        var signature = T("Signature", company);

        var text = string.Join("\n\n", new[]
        {
            greeting, intro, content.WelcomeMessage, $"{action}\n{link}", validity, ignore, signature,
        }.Where(part => !string.IsNullOrWhiteSpace(part)));

        var html = HtmlEncoder.Default;
        var welcome = content.WelcomeMessage is null ? "" :
            $"<blockquote style=\"border-left:3px solid #ccc;margin:0;padding-left:12px\">{html.Encode(content.WelcomeMessage).Replace("&#xA;", "<br>")}</blockquote>";
        var htmlBody = $"""
            <!DOCTYPE html>
            <html lang="{content.Language}"><head><meta charset="utf-8"><title>{html.Encode(subject)}</title></head>
            <body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#222">
            <p>{html.Encode(greeting)}</p>
            <p>{html.Encode(intro)}</p>
            {welcome}
            <p><a href="{html.Encode(link)}" style="display:inline-block;background:#0b5ed7;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">{html.Encode(action)}</a></p>
            <p style="font-size:90%;color:#555">{html.Encode(link)}</p>
            <p>{html.Encode(validity)}</p>
            <p style="font-size:90%;color:#555">{html.Encode(ignore)}</p>
            <p>{html.Encode(signature)}</p>
            </body></html>
            """;

        return OutboxMessage.Compose(content.ToAddress, content.ToName, subject, text, htmlBody, now);
    }
}
