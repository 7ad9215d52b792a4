using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Documents;
using Portal.Domain.Users;
using Portal.Domain.Webhooks;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Webhooks;

namespace Portal.FunctionalTests;

/// <summary>
/// Administrators point webhooks at their own systems; what happens in the portal is posted there from the delivery outbox,
/// signed with the webhook's secret, retried when the receiver fails, and listed in the webhook's delivery log.
/// </summary>
public sealed class WebhookTests(WebhookReceiverFactory factory) : IClassFixture<WebhookReceiverFactory>
{
    private static readonly string[] AllEvents =
        ["invitation.sent", "invitation.accepted", "access.revoked", "customer.first_sign_in", "customer.email_changed", "document.viewed"];

    private WebhookReceiver Receiver => factory.Receiver;

    [Fact]
    public async Task An_administrator_adds_changes_switches_off_and_deletes_a_webhook_and_the_activity_list_tells()
    {
        using var admin = await factory.SignedInAdminAsync();
        var url = Receiver.Url($"/crud-{Guid.NewGuid():n}");

        var id = await admin.AddWebhookAsync(url, "access.revoked");

        var list = await admin.GetAsync("/admin/settings/webhooks");
        list.Document.QuerySelector($"tr[data-webhook-id='{id}']")!.TextContent.ShouldContain(url);
        list.Document.QuerySelector($"tr[data-webhook-id='{id}']")!.TextContent.ShouldContain("Portal access revoked");
        var page = await admin.GetAsync($"/admin/settings/webhooks/{id}");
        page.Text.ShouldNotContain("whsec_", customMessage: "the secret is shown only on request");
        WebhookSteps.Checkbox(page, "document.viewed").IsChecked = true;
        var saved = await admin.SubmitAsync(page, buttonSelector: "[data-testid=save-webhook]",
            fields: new Dictionary<string, string?> { ["Input.Enabled"] = null });

        saved.Text.ShouldContain("The webhook was saved.");
        var stored = await factory.WithDbAsync(db => db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == id));
        stored.Events.ShouldBe(WebhookEvents.AccessRevoked | WebhookEvents.DocumentViewed);
        stored.Enabled.ShouldBeFalse();
        stored.ProtectedSecret.ShouldNotContain("whsec_", customMessage: "the secret is stored encrypted");

        var deleted = await admin.SubmitAsync(await admin.GetAsync($"/admin/settings/webhooks/{id}"),
            buttonSelector: "[data-testid=delete-webhook]");
        deleted.Path.ShouldBe("/admin/settings/webhooks");
        deleted.Text.ShouldContain("The webhook was deleted.");
        (await factory.WithDbAsync(db => db.Webhooks.AnyAsync(w => w.Id == id))).ShouldBeFalse();
        (await admin.GetAsync($"/admin/settings/webhooks/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var activity = (await admin.GetAsync("/admin/activity")).Text;
        activity.ShouldContain("Webhook added");
        activity.ShouldContain("Webhook changed");
        activity.ShouldContain("Events, switched off");
        activity.ShouldContain("Webhook deleted");
        activity.ShouldNotContain("/crud-", customMessage: "the activity names the host, not the path that may hold a token");
    }

    [Fact]
    public async Task The_pages_speak_German()
    {
        using var admin = await factory.SignedInAdminAsync("de");

        var form = await admin.GetAsync("/admin/settings/webhooks/new");
        form.Text.ShouldContain("Webhook hinzufügen");
        form.Text.ShouldContain("Kunde hat ein Dokument geöffnet");
        var refused = await admin.SubmitNewWebhookAsync(Receiver.Url());
        refused.Text.ShouldContain("Bitte wählen Sie mindestens ein Ereignis.");
    }

    [Theory]
    [InlineData(StaffRole.PortalManager)]
    [InlineData(StaffRole.ReadOnly)]
    public async Task Staff_who_are_not_administrators_get_403_on_every_webhook_page(StaffRole role)
    {
        using var admin = await factory.SignedInAdminAsync();
        var id = await admin.AddWebhookAsync(Receiver.Url("/forbidden"), "access.revoked");
        var token = (await admin.GetAsync("/admin/settings/webhooks/new")).Document
            .QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var colleague = (await factory.SignedInColleagueAsync($"{role}.{Guid.NewGuid():n}@contoso.example", "Cole League", role)).Browser;

        foreach (var path in new[]
        {
            "/admin/settings/webhooks", "/admin/settings/webhooks/new", $"/admin/settings/webhooks/{id}",
            $"/admin/settings/webhooks/{id}/deliveries",
        })
        {
            (await colleague.GetAsync(path)).Status.ShouldBe(HttpStatusCode.Forbidden, path);
        }
        using var secret = await colleague.Client.PostAsync($"/admin/settings/webhooks/{id}?handler=Secret",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        secret.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await colleague.GetAsync("/admin/settings")).Text.ShouldNotContain("whsec_");
    }

    [Fact]
    public async Task An_unknown_webhook_is_not_found()
    {
        using var admin = await factory.SignedInAdminAsync();

        (await admin.GetAsync("/admin/settings/webhooks/987654")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/admin/settings/webhooks/987654/deliveries")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_test_event_is_posted_signed_and_listed_in_the_delivery_log()
    {
        using var admin = await factory.SignedInAdminAsync();
        var path = $"/ping-{Guid.NewGuid():n}";
        var id = await admin.AddWebhookAsync(Receiver.Url(path), "access.revoked");
        var secret = await admin.RevealSecretAsync(id);
        secret.ShouldStartWith("whsec_");

        var log = await admin.SubmitAsync(await admin.GetAsync($"/admin/settings/webhooks/{id}"),
            buttonSelector: "[data-testid=send-test-event]");

        log.Path.ShouldBe($"/admin/settings/webhooks/{id}/deliveries");
        log.Text.ShouldContain("A test event is on its way.");
        var request = await Receiver.WaitForAsync(r => r.Path == path, "the ping");
        request.Method.ShouldBe("POST");
        request.Header("Content-Type").ShouldStartWith("application/json");
        request.Header(WebhookDispatcher.EventHeader).ShouldBe("ping");
        WebhookSignature.Verify(secret, request.Header(WebhookSignature.Header), request.Body, factory.Clock.GetUtcNow(),
            TimeSpan.FromMinutes(5)).ShouldBeTrue();
        var body = JsonDocument.Parse(request.Body).RootElement;
        body.GetProperty("type").GetString().ShouldBe("ping");
        body.GetProperty("data").GetProperty("webhookId").GetInt32().ShouldBe(id);
        var delivery = await DeliveredAsync(Guid.Parse(request.Header(WebhookDispatcher.DeliveryHeader)));
        delivery.EventId.ShouldBe(body.GetProperty("id").GetGuid());

        var row = (await admin.GetAsync($"/admin/settings/webhooks/{id}/deliveries")).Document
            .QuerySelector($"tr[data-delivery-id='{delivery.Id}']")!;
        row.QuerySelector("[data-testid=event-type]")!.TextContent.ShouldBe("ping");
        row.QuerySelector("[data-testid=delivery-status]")!.TextContent.ShouldBe("Delivered");
        row.QuerySelector("[data-testid=response-code]")!.TextContent.ShouldBe("200");
        row.QuerySelector("[data-testid=attempts]")!.TextContent.ShouldBe("1");
    }

    [Fact]
    public async Task Every_step_of_a_customers_life_reaches_the_receiver_with_its_contact_and_no_secret()
    {
        using var admin = await factory.SignedInAdminAsync();
        var path = $"/life-{Guid.NewGuid():n}";
        var id = await admin.AddWebhookAsync(Receiver.Url(path), AllEvents);
        var secret = await admin.RevealSecretAsync(id);
        var email = $"lena.life.{Guid.NewGuid():n}@example.com";
        var reference = $"ERP-{Guid.NewGuid():n}"[..16];
        var contactId = await admin.CreateContactAsync("Lena Life", email);
        var edit = await admin.GetAsync($"/admin/contacts/{contactId}/edit");
        await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?> { ["ExternalReference"] = reference });

        await admin.GrantAsync(contactId);
        var sent = await Receiver.WaitForEventAsync(path, "invitation.sent", contactId);
        var invitationPath = await factory.LatestInvitationPathAsync(email);
        sent.Data().GetProperty("email").GetString().ShouldBe(email);
        sent.Data().GetProperty("externalReference").GetString().ShouldBe(reference);
        sent.Body.ShouldNotContain(invitationPath.Split('/')[^1], customMessage: "the link's token never leaves in a webhook");
        WebhookSignature.Verify(secret, sent.Header(WebhookSignature.Header), sent.Body, factory.Clock.GetUtcNow(), TimeSpan.FromMinutes(5))
            .ShouldBeTrue();

        using var customer = factory.NewBrowser();
        (await customer.AcceptInvitationAsync(invitationPath)).Path.ShouldBe("/my");
        (await Receiver.WaitForEventAsync(path, "invitation.accepted", contactId)).Data().GetProperty("email").GetString().ShouldBe(email);
        (await Receiver.WaitForEventAsync(path, "customer.first_sign_in", contactId)).Data().GetProperty("email").GetString().ShouldBe(email);

        var documentId = await factory.AddDocumentAsync(contactId, DocumentKind.Invoice, DocumentFlows.Unique("INV"), DocumentStatus.Sent,
            new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 20));
        (await customer.GetAsync($"/my/documents/{documentId}")).Status.ShouldBe(HttpStatusCode.OK);
        var viewed = (await Receiver.WaitForEventAsync(path, "document.viewed", contactId)).Data().GetProperty("document");
        viewed.GetProperty("id").GetInt32().ShouldBe(documentId);
        viewed.GetProperty("kind").GetString().ShouldBe("invoice");

        var next = $"lena.next.{Guid.NewGuid():n}@example.com";
        await customer.RequestEmailChangeAsync(next);
        using var mailbox = factory.NewBrowser();
        var confirm = await mailbox.GetAsync(EmailChangeTests.ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]));
        await mailbox.SubmitAsync(confirm, "Confirm the new e-mail address");
        var changed = (await Receiver.WaitForEventAsync(path, "customer.email_changed", contactId)).Data();
        changed.GetProperty("email").GetString().ShouldBe(next);
        changed.GetProperty("previousEmail").GetString().ShouldBe(email);

        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "Revoke");
        var revoked = await Receiver.WaitForEventAsync(path, "access.revoked", contactId);
        revoked.Data().GetProperty("email").GetString().ShouldBe(next);
        revoked.Data().GetProperty("externalReference").GetString().ShouldBe(reference);

        var types = Receiver.Received.Where(r => r.Path == path && WebhookSteps.ContactIdOf(r) == contactId)
            .Select(r => r.Header(WebhookDispatcher.EventHeader)).ToList();
        types.ShouldBe(AllEvents, ignoreOrder: true, "each event once, none twice");
    }

    [Fact]
    public async Task A_webhook_that_is_off_or_not_subscribed_hears_nothing()
    {
        using var admin = await factory.SignedInAdminAsync();
        var offPath = $"/off-{Guid.NewGuid():n}";
        var off = await admin.AddWebhookAsync(Receiver.Url(offPath), AllEvents);
        var page = await admin.GetAsync($"/admin/settings/webhooks/{off}");
        await admin.SubmitAsync(page, buttonSelector: "[data-testid=save-webhook]", fields: new Dictionary<string, string?> { ["Input.Enabled"] = null });
        var otherPath = $"/other-{Guid.NewGuid():n}";
        await admin.AddWebhookAsync(Receiver.Url(otherPath), "document.viewed");
        var listeningPath = $"/on-{Guid.NewGuid():n}";
        await admin.AddWebhookAsync(Receiver.Url(listeningPath), "invitation.sent");

        var contactId = await admin.CreateContactAsync("Quinn Quiet", $"quinn.{Guid.NewGuid():n}@example.com");
        await admin.GrantAsync(contactId);

        await Receiver.WaitForAsync(r => r.Path == listeningPath, "the subscribed webhook's invitation.sent");
        await factory.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(CancellationToken.None);
        Receiver.Received.ShouldNotContain(r => r.Path == offPath || r.Path == otherPath);
    }

    [Fact]
    public async Task A_failing_receiver_is_tried_again_after_the_backoff_and_the_log_shows_each_answer()
    {
        using var admin = await factory.SignedInAdminAsync();
        var path = $"/flaky-{Guid.NewGuid():n}";
        var id = await admin.AddWebhookAsync(Receiver.Url(path), "access.revoked");
        Receiver.AnswerNext(HttpStatusCode.InternalServerError);

        await admin.SubmitAsync(await admin.GetAsync($"/admin/settings/webhooks/{id}"), buttonSelector: "[data-testid=send-test-event]");

        var failed = await Eventually.HoldsAsync(() => DeliveryOfAsync(id), d => d is { Attempts: 1 }, "the first attempt");
        failed!.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        failed.ResponseStatusCode.ShouldBe(500);
        failed.LastError.ShouldBe("The receiver answered 500 InternalServerError.");
        failed.NextAttemptAt.ShouldBe(failed.LastAttemptAt!.Value.AddSeconds(10));
        var row = (await admin.GetAsync($"/admin/settings/webhooks/{id}/deliveries")).Document.QuerySelector($"tr[data-delivery-id='{failed.Id}']")!;
        row.QuerySelector("[data-testid=delivery-status]")!.TextContent.ShouldBe("Waiting to be sent");
        row.QuerySelector("[data-testid=response-code]")!.TextContent.ShouldBe("500");
        row.QuerySelector("[data-testid=delivery-error]")!.TextContent.ShouldContain("500");

        // The clock stands still: nothing is tried before the backoff has passed.
        await factory.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(CancellationToken.None);
        Receiver.Received.Count(r => r.Path == path).ShouldBe(1);

        factory.Clock.Advance(TimeSpan.FromSeconds(10));

        var delivered = await Eventually.HoldsAsync(() => DeliveryOfAsync(id), d => d!.Status == WebhookDeliveryStatus.Delivered, "the retry");
        delivered!.Attempts.ShouldBe(2);
        delivered.ResponseStatusCode.ShouldBe(200);
        delivered.LastError.ShouldBeNull();
        var attempts = Receiver.Received.Where(r => r.Path == path).ToList();
        attempts.Count.ShouldBe(2);
        attempts.Select(r => r.Header(WebhookDispatcher.DeliveryHeader)).Distinct().ShouldHaveSingleItem("a retry is the same delivery");
        attempts[0].Body.ShouldBe(attempts[1].Body);
    }

    [Fact]
    public async Task The_delivery_log_is_paged()
    {
        using var admin = await factory.SignedInAdminAsync();
        var id = await admin.AddWebhookAsync(Receiver.Url($"/paged-{Guid.NewGuid():n}"), "access.revoked");
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            for (var i = 0; i < Portal.Application.Webhooks.ListWebhookDeliveries.PageSize + 5; i++)
            {
                var happened = new WebhookEvent(Guid.NewGuid(), "ping", now, null, null, "{}");
                var delivery = WebhookDelivery.Queue(id, happened, now.AddSeconds(-i));
                delivery.MarkDelivered(204, now);
                db.WebhookDeliveries.Add(delivery);
            }
            await db.SaveChangesAsync();
        });

        var first = await admin.GetAsync($"/admin/settings/webhooks/{id}/deliveries");
        first.Document.QuerySelectorAll("tr[data-delivery-id]").Length.ShouldBe(Portal.Application.Webhooks.ListWebhookDeliveries.PageSize);
        var next = first.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h!.Contains("after="))!;
        var second = await admin.GetAsync(next);
        second.Document.QuerySelectorAll("tr[data-delivery-id]").Length.ShouldBe(5);
    }

    private Task<WebhookDelivery?> DeliveryOfAsync(int webhookId) =>
        factory.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == webhookId).SingleOrDefaultAsync());

    private Task<WebhookDelivery> DeliveredAsync(Guid id) =>
        Eventually.HoldsAsync(() => factory.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id)),
            d => d.Status == WebhookDeliveryStatus.Delivered, "the delivery to be recorded");
}
