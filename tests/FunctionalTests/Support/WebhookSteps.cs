using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Portal.Infrastructure.Webhooks;

namespace Portal.FunctionalTests.Support;

/// <summary>Steps for the webhook pages, done through their real forms, and for reading what a receiver got.</summary>
public static partial class WebhookSteps
{
    public static async Task<Page> SubmitNewWebhookAsync(this PortalBrowser admin, string url, params string[] events)
    {
        var form = await admin.GetAsync("/admin/settings/webhooks/new");
        foreach (var name in events) Checkbox(form, name).IsChecked = true;
        return await admin.SubmitAsync(form, buttonSelector: "[data-testid=add-webhook]",
            fields: new Dictionary<string, string?> { ["Input.Url"] = url });
    }

    /// <summary>Adds a webhook and returns its id, read from the page the form leads to.</summary>
    public static async Task<int> AddWebhookAsync(this PortalBrowser admin, string url, params string[] events)
    {
        var saved = await admin.SubmitNewWebhookAsync(url, events);
        var match = WebhookPath().Match(saved.Path);
        match.Success.ShouldBeTrue($"Expected the webhook's page, got {saved.Path}: {saved.Text}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<string> RevealSecretAsync(this PortalBrowser admin, int webhookId)
    {
        var page = await admin.GetAsync($"/admin/settings/webhooks/{webhookId}");
        var shown = await admin.SubmitAsync(page, buttonSelector: "[data-testid=reveal-secret]");
        return shown.Document.QuerySelector("[data-testid=webhook-secret]")!.GetAttribute("value")!.Trim();
    }

    public static IHtmlInputElement Checkbox(Page form, string eventName) =>
        (IHtmlInputElement)form.Document.QuerySelector($"input[name='Input.Events'][value='{eventName}']")!;

    /// <summary>The first request of <paramref name="type"/> about <paramref name="contactId"/> to the webhook at <paramref name="path"/>.</summary>
    public static Task<ReceivedWebhook> WaitForEventAsync(this WebhookReceiver receiver, string path, string type, int contactId) =>
        receiver.WaitForAsync(r => r.Path == path && r.Header(WebhookDispatcher.EventHeader) == type && ContactIdOf(r) == contactId,
            $"{type} about contact {contactId}");

    public static JsonElement Data(this ReceivedWebhook request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("data");

    public static int? ContactIdOf(ReceivedWebhook request) =>
        request.Data().TryGetProperty("contactId", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt32() : null;

    [GeneratedRegex(@"^/admin/settings/webhooks/(\d+)$")]
    private static partial Regex WebhookPath();
}
