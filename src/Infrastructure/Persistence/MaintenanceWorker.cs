using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.Pages;
using Portal.Application.Webhooks;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.Payments;
using Portal.Domain.Webhooks;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Housekeeping that must run on one instance at a time (purging finished account links and ended sessions, clearing the
/// bodies of undeliverable mail, rendering pages again after the sanitiser's settings changed,
/// deleting the mandates of removed bank accounts once their evidence period is over, trimming the webhook delivery log). Every instance
/// runs this loop; only the holder of the "maintenance" lease does the work.
/// </summary>
public sealed class MaintenanceWorker(
    IServiceScopeFactory scopes,
    InstanceName instance,
    IOptions<MaintenanceOptions> options,
    TimeProvider clock,
    ILogger<MaintenanceWorker> logger) : LeaseHeldWorker(scopes, instance, logger)
{
    public const string LeaseName = "maintenance";

    protected override string Lease => LeaseName;
    protected override TimeSpan Interval => options.Value.Interval;
    protected override string WorkName => "Maintenance";

    /// <summary>Does the housekeeping; returns how many links were purged.</summary>
    protected override async Task<int?> WorkAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var cutoff = clock.GetUtcNow() - options.Value.KeepFinishedTokens;
        var purged = await db.AccountTokens
            .Where(t => t.ExpiresAt < cutoff || (t.UsedAt != null && t.UsedAt < cutoff) || (t.VoidedAt != null && t.VoidedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
        if (purged > 0) logger.LogInformation("Purged {Count} finished account links.", purged);

        // Mail that was never delivered still holds its link; past the keep period nobody will deliver it, only read it.
        var cleared = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Failed && m.CreatedAt < cutoff && (m.TextBody != "" || m.HtmlBody != ""))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.TextBody, "").SetProperty(x => x.HtmlBody, ""), cancellationToken);
        if (cleared > 0) logger.LogInformation("Cleared the bodies of {Count} mails that could not be delivered.", cleared);
        await PurgeEndedSessionsAsync(db, cancellationToken);
        await PurgeUnconfirmedImportsAsync(db, cancellationToken);
        var rendered = await services.GetRequiredService<StalePages>().RenderAgainAsync(cancellationToken);
        if (rendered > 0) logger.LogInformation("Rendered {Count} pages again under the current sanitiser settings.", rendered);
        await PurgeExpiredMandateEvidenceAsync(db, cancellationToken);
        // A retry comes within the day or not at all; older answers only take room.
        var answeredBefore = clock.GetUtcNow() - Api.IdempotentResponse.Lifetime;
        await db.IdempotentResponses.Where(r => r.CreatedAt <= answeredBefore).ExecuteDeleteAsync(cancellationToken);
        await PurgeOldWebhookDeliveriesAsync(db, services.GetRequiredService<IOptions<WebhookOptions>>().Value,
            cancellationToken);
        return purged;
    }

    /// <summary>
    /// The delivery log keeps finished deliveries for <see cref="WebhookOptions.KeepDelivered"/> (failed ones for
    /// <see cref="WebhookOptions.KeepFailed"/>), and each webhook's newest ones however old. Pending ones are never touched.
    /// </summary>
    private async Task PurgeOldWebhookDeliveriesAsync(PortalDbContext db, WebhookOptions webhooks, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deliveredBefore = now - webhooks.KeepDelivered;
        var failedBefore = now - webhooks.KeepFailed;
        var keep = Math.Max(webhooks.KeepNewestPerWebhook, 0);
        var withOldDeliveries = await db.WebhookDeliveries
            .Where(d => (d.Status == WebhookDeliveryStatus.Delivered && d.CreatedAt < deliveredBefore)
                || (d.Status == WebhookDeliveryStatus.Failed && d.CreatedAt < failedBefore))
            .Select(d => d.WebhookId).Distinct().ToListAsync(cancellationToken);
        var purged = 0;
        foreach (var webhookId in withOldDeliveries)
        {
            var log = db.WebhookDeliveries.Where(d => d.WebhookId == webhookId);
            // Deliveries from the newest kept one's time on stay; ties at that time stay too, so at least that many are kept.
            var keptFrom = keep == 0 ? (DateTimeOffset?)null
                : await log.OrderByDescending(d => d.CreatedAt).Skip(keep - 1).Select(d => (DateTimeOffset?)d.CreatedAt)
                    .FirstOrDefaultAsync(cancellationToken);
            if (keep > 0 && keptFrom is null) continue;
            var old = log.Where(d => (d.Status == WebhookDeliveryStatus.Delivered && d.CreatedAt < deliveredBefore)
                || (d.Status == WebhookDeliveryStatus.Failed && d.CreatedAt < failedBefore));
            if (keptFrom is { } from) old = old.Where(d => d.CreatedAt < from);
            purged += await old.ExecuteDeleteAsync(cancellationToken);
        }
        if (purged > 0) logger.LogInformation("Deleted {Count} old webhook deliveries.", purged);
    }

    /// <summary>A removed bank account is kept only as evidence of its mandate, for <see cref="PaymentMethod.KeepMandateEvidenceMonths"/>.</summary>
    private async Task PurgeExpiredMandateEvidenceAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = PaymentMethod.EvidenceCutoff(clock.GetUtcNow());
        var purged = await db.PaymentMethods.Where(p => p.RemovedAt != null && p.RemovedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0) logger.LogInformation("Deleted {Count} removed bank accounts whose mandate evidence period is over.", purged);
    }

    /// <summary>An upload holds a customer list; one nobody confirmed within a day is not kept.</summary>
    private async Task PurgeUnconfirmedImportsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - ContactImport.KeepUnconfirmed;
        var purged = await db.ContactImports.Where(i => i.UploadedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0) logger.LogInformation("Removed {Count} contact imports nobody confirmed.", purged);
    }

    private async Task PurgeEndedSessionsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.KeepEndedSessions;
        var purged = await db.Sessions
            .Where(s => s.ExpiresAt < cutoff || (s.EndedAt != null && s.EndedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
        if (purged > 0) logger.LogInformation("Purged {Count} ended sessions.", purged);
    }
}
