using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Webhooks;

namespace Portal.FunctionalTests;

/// <summary>
/// A customer who opens a document's PDF straight from a link (a bookmark, the mail, a download manager) has viewed it as much
/// as one who opened its page: the webhook hears <c>document.viewed</c> once, at the first of either, and not again.
/// </summary>
public sealed class DocumentViewedWebhookTests(WebhookReceiverFactory factory) : IClassFixture<WebhookReceiverFactory>
{
    [Fact]
    public async Task Opening_the_pdf_directly_tells_the_webhook_once_and_the_page_afterwards_does_not_tell_it_again()
    {
        using var admin = await factory.SignedInAdminAsync();
        var path = $"/viewed-{Guid.NewGuid():n}";
        await admin.AddWebhookAsync(factory.Receiver.Url(path), "document.viewed");
        var (customer, contactId) = await factory.CustomerAsync(admin, "Pia Pdf", $"pia.{Guid.NewGuid():n}@example.com");
        using var _customer = customer;
        var documentId = await admin.CreateDocumentAsync(contactId, "Invoice", DocumentFlows.Unique("INV"), status: "Sent", withPdf: true);

        using (var pdf = await customer.Client.GetAsync($"/my/documents/{documentId}/pdf"))
        {
            pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
            pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        }
        var viewed = await factory.Receiver.WaitForEventAsync(path, "document.viewed", contactId);
        viewed.Data().GetProperty("document").GetProperty("id").GetInt32().ShouldBe(documentId);

        (await customer.GetAsync($"/my/documents/{documentId}")).Status.ShouldBe(HttpStatusCode.OK);
        using (var again = await customer.Client.GetAsync($"/my/documents/{documentId}/pdf")) again.StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(CancellationToken.None);
        factory.Receiver.Received.Count(r => r.Path == path).ShouldBe(1, "the first view is told, not each one");
    }

    [Fact]
    public async Task Another_customers_pdf_is_a_404_and_tells_nobody()
    {
        using var admin = await factory.SignedInAdminAsync();
        var path = $"/not-theirs-{Guid.NewGuid():n}";
        await admin.AddWebhookAsync(factory.Receiver.Url(path), "document.viewed");
        var (_, ownerId) = await factory.CustomerAsync(admin, "Otto Owner", $"otto.{Guid.NewGuid():n}@example.com");
        var (stranger, _) = await factory.CustomerAsync(admin, "Sina Stranger", $"sina.{Guid.NewGuid():n}@example.com");
        using var _stranger = stranger;
        var documentId = await admin.CreateDocumentAsync(ownerId, "Invoice", DocumentFlows.Unique("INV"), status: "Sent", withPdf: true);

        using var pdf = await stranger.Client.GetAsync($"/my/documents/{documentId}/pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await factory.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(CancellationToken.None);
        factory.Receiver.Received.ShouldNotContain(r => r.Path == path);
    }
}
