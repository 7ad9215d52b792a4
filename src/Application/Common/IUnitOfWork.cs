namespace Portal.Application.Common;

/// <summary>
/// Commits everything a command changed in one transaction. A uniqueness or concurrency clash becomes a
/// <see cref="ConflictException"/> the page can show.
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Commits like <see cref="SaveChangesAsync"/>, for a unit of work with hundreds of new rows of a kind (a job's batch, an
    /// import's): the new rows of each kind go in together, with no round trip per row.
    /// </summary>
    Task SaveBatchAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every change not yet committed (after a clash, before the aggregate is loaded again).</summary>
    void DiscardChanges();
}
