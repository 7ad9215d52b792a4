using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.Webhooks;
using Portal.Domain.Webhooks;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Webhooks;

/// <summary>
/// Posts queued webhook events outside any web request: due deliveries in claimed batches, each signed (see
/// <see cref="WebhookSignature"/>) and its result stored right after its attempt, so a crash repeats at most the one in flight
/// (with the same <c>Portal-Delivery</c> id, by which a receiver can tell). Any answer but 2xx, a timeout or a connection
/// that fails is retried with exponential backoff until <see cref="WebhookDelivery.MaxAttempts"/>.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    IWebhookSecrets secrets,
    InstanceName instance,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "Portal.Webhooks";
    public const string EventHeader = "Portal-Event";
    public const string DeliveryHeader = "Portal-Delivery";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // A previous run under this name may have died mid-batch; its claims are this process's to release.
        await using (var scope = scopes.CreateAsyncScope())
        {
            await WebhookClaim.Queue.ReleaseAllOfAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), instance, cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) > 0) { }
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Webhook dispatch failed; retrying on the next poll.");
                await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Posts one batch of due deliveries; returns how many were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var settings = options.Value;
        var due = await WebhookClaim.Queue.ClaimDueAsync(db, instance.NewClaim(), clock.GetUtcNow(), settings.ClaimLease, settings.BatchSize,
            cancellationToken);
        if (due.Count == 0) return 0;

        var webhookIds = due.Select(d => d.WebhookId).Distinct().ToList();
        var receivers = await db.Webhooks.AsNoTracking().Where(w => webhookIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Url, w.ProtectedSecret }).ToDictionaryAsync(w => w.Id, cancellationToken);
        var contactIds = due.Where(d => d.ContactId != null).Select(d => d.ContactId!.Value).Distinct().ToList();
        var references = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .Select(c => new { c.Id, c.ExternalReference }).ToDictionaryAsync(c => c.Id, c => c.ExternalReference, cancellationToken);
        var keys = new Dictionary<int, string>();
        var client = clients.CreateClient(ClientName);

        foreach (var delivery in due)
        {
            // Deleted since it was queued: its deliveries went with it.
            if (!receivers.TryGetValue(delivery.WebhookId, out var receiver)) continue;
            if (!keys.TryGetValue(receiver.Id, out var secret)) keys[receiver.Id] = secret = secrets.Reveal(receiver.ProtectedSecret);
            var body = WebhookPayload.Compose(delivery, delivery.ContactId is { } id ? references.GetValueOrDefault(id) : null);
            await AttemptAsync(client, delivery, receiver.Url, secret, body, cancellationToken);
            WebhookClaim.Queue.Release(db, delivery);
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The webhook was deleted during the attempt; there is nothing left to record.
                db.Entry(delivery).State = EntityState.Detached;
            }
        }
        return due.Count;
    }

    private async Task AttemptAsync(
        HttpClient client, WebhookDelivery delivery, string url, string secret, string body, CancellationToken cancellationToken)
    {
        var retryBase = options.Value.RetryBase;
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(EventHeader, delivery.EventType);
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Portal-Webhooks", "1.0"));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                delivery.MarkDelivered(status, clock.GetUtcNow());
                return;
            }
            delivery.MarkAttemptFailed(status,
                string.Create(CultureInfo.InvariantCulture, $"The receiver answered {status} {response.ReasonPhrase}."), clock.GetUtcNow(),
                retryBase);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            delivery.MarkAttemptFailed(null,
                string.Create(CultureInfo.InvariantCulture, $"No answer within {options.Value.Timeout.TotalSeconds:0} seconds."),
                clock.GetUtcNow(), retryBase);
        }
        catch (HttpRequestException e)
        {
            delivery.MarkAttemptFailed(null, Reason(e), clock.GetUtcNow(), retryBase);
        }
        if (delivery.Status != WebhookDeliveryStatus.Delivered)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} ({EventType}) to webhook {WebhookId} failed (attempt {Attempt}): {Error}",
                delivery.Id, delivery.EventType, delivery.WebhookId, delivery.Attempts, delivery.LastError);
        }
    }

    /// <summary>The refusal of a non-public address says so; any other failure is the connection's own message.</summary>
    private static string Reason(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is WebhookAddressRefusedException refused) return refused.Message;
        }
        return e.Message;
    }
}
