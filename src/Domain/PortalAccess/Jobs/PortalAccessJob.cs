using Portal.Domain.Activity;
using Portal.Domain.Common;

namespace Portal.Domain.PortalAccess.Jobs;

/// <summary>
/// One access move (grant, re-invite, revoke) for every contact a search matched when the job was started. Its rows are
/// fixed at the start; the runner settles them in batches, each batch with its rows' totals in one transaction, so the
/// totals always equal the settled rows. Queued → Running → Completed, or Cancelled from Queued or Running: then the rows not
/// yet settled are cancelled, and <see cref="Remaining"/> counts them.
/// </summary>
public sealed class PortalAccessJob : AggregateRoot
{
    public const int SelectionMaxLength = 500;

    private PortalAccessJob() { }

    public int Id { get; private set; }
    public PortalAccessJobKind Kind { get; private set; }
    public PortalAccessJobStatus Status { get; private set; }
    public int? StartedByUserId { get; private set; }
    public string StartedBy { get; private set; } = "";
    /// <summary>The search and filter the rows were chosen by, as the page describes it (language neutral).</summary>
    public string Selection { get; private set; } = "";
    public string? WelcomeMessage { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public int Total { get; private set; }
    public int Done { get; private set; }
    public int Refused { get; private set; }

    public int Remaining => Total - Done - Refused;
    public bool IsFinished => Status is PortalAccessJobStatus.Completed or PortalAccessJobStatus.Cancelled;

    public static (PortalAccessJob Job, IReadOnlyList<PortalAccessJobItem> Items) Create(
        PortalAccessJobKind kind,
        IReadOnlyCollection<int> contactIds,
        string selection,
        string? welcomeMessage,
        int? startedByUserId,
        string startedBy,
        DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind));
        var job = new PortalAccessJob
        {
            Kind = kind,
            Status = PortalAccessJobStatus.Queued,
            Selection = selection.Length <= SelectionMaxLength ? selection : selection[..SelectionMaxLength],
            WelcomeMessage = kind == PortalAccessJobKind.Revoke || string.IsNullOrWhiteSpace(welcomeMessage) ? null : welcomeMessage.Trim(),
            StartedByUserId = startedByUserId,
            StartedBy = startedBy,
            CreatedAt = now,
            Total = contactIds.Count,
        };
        var items = contactIds.Distinct().Select(id => new PortalAccessJobItem(job, id)).ToList();
        job.Total = items.Count;
        return (job, items);
    }

    /// <summary>
    /// The runner takes a queued job up. It is saved on its own, before the first batch: a batch then never changes the
    /// status it read, so a cancel that lands while a batch is under way is not written over by that batch.
    /// </summary>
    public void Start(DateTimeOffset now)
    {
        if (Status != PortalAccessJobStatus.Queued) return;
        StartedAt = now;
        Status = PortalAccessJobStatus.Running;
    }

    /// <summary>Counts a settled batch; the last one completes the job and puts it into the activity list.</summary>
    public void RecordBatch(int done, int refused, DateTimeOffset now)
    {
        if (IsFinished) throw new InvalidOperationException($"Job {Id} is already completed.");
        if (done < 0 || refused < 0 || done + refused > Remaining) throw new ArgumentOutOfRangeException(nameof(done));
        StartedAt ??= now;
        Status = PortalAccessJobStatus.Running;
        Done += done;
        Refused += refused;
        if (Remaining == 0) Complete(now);
    }

    /// <summary>
    /// Stops the job: no further batch runs, the rows not yet settled are cancelled (not granted, no mail), and what its
    /// committed batches did stays. Who cancelled it goes into the activity list with the totals.
    /// </summary>
    public void Cancel(DateTimeOffset now, int? cancelledByUserId, string cancelledBy)
    {
        if (IsFinished) throw new DomainException(DomainErrors.JobAlreadyFinished);
        Status = PortalAccessJobStatus.Cancelled;
        FinishedAt = now;
        Raise(new PortalAccessJobCancelled(this, cancelledByUserId, cancelledBy));
    }

    /// <summary>A job whose rows are all settled (or that had none) ends here.</summary>
    public void Complete(DateTimeOffset now)
    {
        if (IsFinished) return;
        StartedAt ??= now;
        Status = PortalAccessJobStatus.Completed;
        FinishedAt = now;
        Raise(new PortalAccessJobCompleted(this));
    }
}

/// <summary>A job finished: one line in the activity list with its totals.</summary>
public sealed record PortalAccessJobCompleted(PortalAccessJob Job) : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForJob(Job.FinishedAt ?? Job.CreatedAt, Job.StartedByUserId, Job.StartedBy, Job.Selection,
            $"{Job.Kind}:{Job.Done}/{Job.Refused}/{Job.Total}");
}

/// <summary>A job was stopped: one line in the activity list with its totals, the cancelled rows last.</summary>
public sealed record PortalAccessJobCancelled(PortalAccessJob Job, int? CancelledByUserId, string CancelledBy) : IRecordedActivity
{
    public ActivityEntry ToActivity(int? actorUserId) =>
        ActivityEntry.ForJob(Job.FinishedAt ?? Job.CreatedAt, CancelledByUserId ?? actorUserId, CancelledBy, Job.Selection,
            $"{Job.Kind}:{Job.Done}/{Job.Refused}/{Job.Total}/{Job.Remaining}", cancelled: true);
}
