namespace Portal.Application.Common;

/// <summary>
/// Commits everything a command changed in one transaction. A uniqueness or concurrency clash becomes a
/// <see cref="ConflictException"/> the page can show.
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every change not yet committed (after a clash, before the aggregate is loaded again).</summary>
    void DiscardChanges();
}
