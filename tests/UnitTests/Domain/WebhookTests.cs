using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Webhooks;

namespace Portal.UnitTests.Domain;

public sealed class WebhookTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly WebhookAddressPolicy Policy = new(true, false);

    [Fact]
    public void A_new_webhook_is_on_and_its_creation_is_recorded_under_its_host_alone()
    {
        var webhook = Webhook.Create(" https://erp.example.com/hooks/t0k3n ", WebhookEvents.AccessRevoked, "protected", Policy, "Ada", Now);

        webhook.Enabled.ShouldBeTrue();
        webhook.Url.ShouldBe("https://erp.example.com/hooks/t0k3n");
        var created = webhook.DomainEvents.OfType<WebhookChanged>().ShouldHaveSingleItem();
        var entry = created.ToActivity(7);
        entry.Kind.ShouldBe(ActivityKind.WebhookCreated);
        entry.SubjectName.ShouldBe("erp.example.com");
    }

    [Fact]
    public void A_change_names_what_changed_and_no_change_records_nothing()
    {
        var webhook = Webhook.Create("https://erp.example.com/a", WebhookEvents.AccessRevoked, "p", Policy, "Ada", Now);
        webhook.ClearDomainEvents();

        webhook.Change("https://erp.example.com/a", WebhookEvents.AccessRevoked, true, Policy, "Ada", Now);
        webhook.DomainEvents.ShouldBeEmpty();

        webhook.Change("https://erp.example.com/b", WebhookEvents.AccessRevoked | WebhookEvents.DocumentViewed, false, Policy, "Ada", Now);
        webhook.DomainEvents.OfType<WebhookChanged>().ShouldHaveSingleItem().Detail.ShouldBe("Url,Events,Disabled");
        webhook.SubscribesTo(WebhookEvents.DocumentViewed).ShouldBeFalse("a webhook that is off hears of nothing");
    }

    [Fact]
    public void A_webhook_needs_an_event()
    {
        Should.Throw<DomainException>(() => Webhook.Create("https://erp.example.com", WebhookEvents.None, "p", Policy, "Ada", Now))
            .Error.ShouldBe(DomainErrors.WebhookNeedsEvents);
    }

    [Fact]
    public void Failed_deliveries_back_off_exponentially_and_give_up_after_the_last_attempt()
    {
        var delivery = WebhookDelivery.Queue(1, new WebhookEvent(Guid.NewGuid(), "ping", Now, null, null, "{}"), Now);
        var retryBase = TimeSpan.FromSeconds(30);

        delivery.MarkAttemptFailed(500, "The receiver answered 500.", Now, retryBase);
        delivery.NextAttemptAt.ShouldBe(Now.AddSeconds(30));
        delivery.MarkAttemptFailed(null, "No answer.", Now, retryBase);
        delivery.NextAttemptAt.ShouldBe(Now.AddMinutes(1));
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Pending);

        while (delivery.Attempts < WebhookDelivery.MaxAttempts) delivery.MarkAttemptFailed(502, "Bad gateway.", Now, retryBase);

        delivery.Status.ShouldBe(WebhookDeliveryStatus.Failed);
        delivery.ResponseStatusCode.ShouldBe(502);
    }

    [Fact]
    public void Event_names_are_the_documented_ones() =>
        WebhookEventTypes.All.Select(WebhookEventTypes.NameOf).ShouldBe([
            "invitation.sent", "invitation.accepted", "access.revoked", "customer.first_sign_in", "customer.email_changed",
            "document.viewed",
        ]);
}
