using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Domain.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Infrastructure.Health;

/// <summary>
/// For the load balancer: /health/live answers while the process runs; /health/ready only when the database
/// is reachable with every migration applied and mail is not piling up.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static void MapPortalHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(PortalRoutes.Endpoints.HealthLive, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(PortalRoutes.Endpoints.HealthReady,
            new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
    }
}

internal sealed class DatabaseReadyCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("The database can't be reached.");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.");
    }
}

internal sealed class OutboxBacklogCheck(PortalDbContext db, TimeProvider clock, IOptions<OutboxHealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var oldest = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.CreatedAt)
            .Select(m => (DateTimeOffset?)m.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (oldest is not { } created) return HealthCheckResult.Healthy("No mail waiting.");
        var age = clock.GetUtcNow() - created;
        return age <= options.Value.MaxPendingMailAge
            ? HealthCheckResult.Healthy($"Oldest waiting mail is {age.TotalSeconds:0} s old.")
            : HealthCheckResult.Unhealthy($"Oldest waiting mail is {age.TotalMinutes:0} min old.");
    }
}

/// <summary>
/// Two live instances under one name would release each other's claims at every start: still serving, but to be fixed, so the
/// check says Degraded rather than taking the instance out of the load balancer.
/// </summary>
internal sealed class InstanceNameCheck(
    PortalDbContext db, Portal.Infrastructure.InstanceName instance, TimeProvider clock, IOptions<InstanceHeartbeatOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var namesakes = await InstanceHeartbeatWorker.LiveNamesakesAsync(db, instance, clock.GetUtcNow(), options.Value, cancellationToken);
        return namesakes == 0
            ? HealthCheckResult.Healthy($"Instance {instance.Value} is the only live one of its name.")
            : HealthCheckResult.Degraded(
                $"{namesakes + 1} live instances are named {instance.Value}: give each its own Portal:Instance:Name.");
    }
}
