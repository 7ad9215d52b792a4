using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Webhooks;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Webhooks;

namespace Portal.FunctionalTests;

/// <summary>
/// With production's rules, webhooks go over https and never to the portal's own machine, its network or a metadata service:
/// refused when saved, and refused again when a delivery connects to a name that now points inward.
/// </summary>
public sealed class WebhookAddressTests(RebindingDnsFactory factory) : IClassFixture<RebindingDnsFactory>
{
    private const string Private = "Webhooks can't be sent to this address: it belongs to this server or a private network.";

    [Fact]
    public async Task A_plain_http_address_is_refused()
    {
        using var admin = await factory.SignedInAdminAsync();

        var refused = await admin.SubmitNewWebhookAsync("http://erp.example.com/portal-events", "access.revoked");

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Path.ShouldBe("/admin/settings/webhooks/new");
        refused.Document.GetElementById("url-error")!.TextContent
            .ShouldBe("The address must start with https://, so that events and their signature travel encrypted.");
        WebhookSteps.Checkbox(refused, "access.revoked").IsChecked.ShouldBeTrue("what was typed stays");
        (await factory.WithDbAsync(db => db.Webhooks.AnyAsync(w => w.Url == "http://erp.example.com/portal-events"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Something_that_is_no_address_is_refused_with_the_limit_filled_in()
    {
        using var admin = await factory.SignedInAdminAsync();

        var refused = await admin.SubmitNewWebhookAsync("erp.example.com/portal-events", "access.revoked");

        refused.Document.GetElementById("url-error")!.TextContent.ShouldBe(
            "Please enter the receiver's full address, e.g. https://erp.example.com/portal-events (at most 2000 characters).");
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://10.20.30.40/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[::1]/hook")]
    public async Task Local_private_and_metadata_addresses_are_refused_when_saved(string url)
    {
        using var admin = await factory.SignedInAdminAsync();

        var refused = await admin.SubmitNewWebhookAsync(url, "access.revoked");

        refused.Document.GetElementById("url-error")!.TextContent.ShouldBe(Private);
        (await factory.WithDbAsync(db => db.Webhooks.AnyAsync(w => w.Url == url))).ShouldBeFalse();
    }

    [Fact]
    public async Task An_address_that_is_changed_to_a_private_one_is_refused_too()
    {
        using var admin = await factory.SignedInAdminAsync();
        var id = await admin.AddWebhookAsync("https://erp.example.com/portal-events", "access.revoked");

        var refused = await admin.SubmitAsync(await admin.GetAsync($"/admin/settings/webhooks/{id}"),
            buttonSelector: "[data-testid=save-webhook]", fields: new Dictionary<string, string?> { ["Input.Url"] = "https://192.168.0.10/" });

        refused.Document.GetElementById("url-error")!.TextContent.ShouldBe(Private);
        (await factory.WithDbAsync(db => db.Webhooks.SingleAsync(w => w.Id == id))).Url.ShouldBe("https://erp.example.com/portal-events");
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_when_sending_is_refused_before_connecting()
    {
        using var admin = await factory.SignedInAdminAsync();
        var id = await admin.AddWebhookAsync($"https://{RebindingDnsFactory.RebindingHost}:{factory.Receiver.Port}/hook", "access.revoked");

        await admin.SubmitAsync(await admin.GetAsync($"/admin/settings/webhooks/{id}"), buttonSelector: "[data-testid=send-test-event]");
        await factory.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(CancellationToken.None);

        var delivery = await Eventually.HoldsAsync(
            () => factory.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.WebhookId == id)),
            d => d.Attempts > 0, "the attempt");
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        delivery.ResponseStatusCode.ShouldBeNull();
        delivery.LastError.ShouldBe($"The receiver {RebindingDnsFactory.RebindingHost} resolves to 127.0.0.1, which is not a public address; " +
            "webhooks are not sent there.");
        factory.Receiver.Connections.ShouldBe(0, "the socket never opened");
        (await admin.GetAsync($"/admin/settings/webhooks/{id}/deliveries")).Text.ShouldContain("which is not a public address");
    }
}
