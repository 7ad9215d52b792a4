using Portal.Domain.Common;
using Portal.Domain.Contacts;

namespace Portal.Domain.PortalAccess.Jobs;

/// <summary>
/// One contact of a job and what became of it. A job has tens of thousands of them, so they are never loaded through the
/// job: the runner settles them a batch at a time and the job page reads them a page at a time, hence a root of their own.
/// </summary>
public sealed class PortalAccessJobItem : IAggregateRoot
{
    public const int ReasonMaxLength = 100;

    private PortalAccessJobItem() { }

    public PortalAccessJobItem(PortalAccessJob job, int contactId)
    {
        Job = job;
        ContactId = contactId;
    }

    public long Id { get; private set; }
    public int JobId { get; private set; }
    public PortalAccessJob Job { get; private set; } = null!;
    public int ContactId { get; private set; }
    public Contact Contact { get; private set; } = null!;
    public PortalAccessJobOutcome Outcome { get; private set; }
    /// <summary>The <see cref="DomainError.Code"/> of a refusal; the page shows it in the reader's language.</summary>
    public string? Reason { get; private set; }

    public void MarkDone()
    {
        EnsurePending();
        Outcome = PortalAccessJobOutcome.Done;
    }

    public void MarkRefused(DomainError reason)
    {
        EnsurePending();
        Outcome = PortalAccessJobOutcome.Refused;
        Reason = reason.Code;
    }

    /// <summary>The job was cancelled before this row's batch: nothing was done to the contact.</summary>
    public void MarkCancelled()
    {
        EnsurePending();
        Outcome = PortalAccessJobOutcome.Cancelled;
    }

    // Settling a row twice would count it twice in the job's totals.
    private void EnsurePending()
    {
        if (Outcome != PortalAccessJobOutcome.Pending) throw new InvalidOperationException($"Job item {Id} is already settled.");
    }
}
