using Microsoft.EntityFrameworkCore;
using Portal.Application.PortalAccess.Jobs;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.PortalAccess;

/// <summary>
/// Links the mails a job's batch queues to the job (a column of the outbox the domain never sees), and counts them by
/// status through the index on (job, status).
/// </summary>
internal sealed class PortalAccessJobMail(PortalDbContext db, UntrackedRecords untracked) : IPortalAccessJobMail
{
    public const string JobId = "PortalAccessJobId";

    /// <summary>From now on, every mail this scope queues belongs to <paramref name="jobId"/>, tracked or written untracked.</summary>
    /// <remarks>Tagged as it is queued rather than as it is saved: a batch's mails are written before EF's own save.</remarks>
    public void TagQueuedMail(int jobId)
    {
        untracked.SetShadowValue(typeof(OutboxMessage), JobId, jobId);
        db.ChangeTracker.Tracked += (_, tracked) =>
        {
            if (tracked.Entry is { Entity: OutboxMessage, State: EntityState.Added } entry) entry.Property(JobId).CurrentValue = jobId;
        };
    }

    public async Task<JobMailCounts> CountAsync(int jobId, CancellationToken cancellationToken)
    {
        var byStatus = await db.OutboxMessages.Where(m => EF.Property<int?>(m, JobId) == jobId)
            .GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        return new JobMailCounts(byStatus.GetValueOrDefault(OutboxStatus.Sent), byStatus.GetValueOrDefault(OutboxStatus.Pending),
            byStatus.GetValueOrDefault(OutboxStatus.Failed));
    }
}

/// <summary>Cancels a job's pending rows with one UPDATE through the index on (job, outcome).</summary>
internal sealed class PendingJobRows(PortalDbContext db) : IPendingJobRows
{
    public Task CancelAsync(int jobId, CancellationToken cancellationToken) =>
        db.PortalAccessJobItems.Where(i => i.JobId == jobId && i.Outcome == PortalAccessJobOutcome.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Outcome, PortalAccessJobOutcome.Cancelled), cancellationToken);
}
