using Ardalis.Specification;

namespace Portal.Application.Common;

/// <summary>
/// A unit of work for hundreds of aggregates at once (a job's batch), read and written without change tracking: the domain
/// moves them as it always does, their events reach the same handlers, and what changed is then written a statement per
/// table and kind of change instead of a tracked entry per row. Whatever the scope's <see cref="IUnitOfWork"/> tracks (the
/// job itself) commits in the same transaction.
/// </summary>
public interface IUntrackedUnitOfWork
{
    /// <summary>Reads the aggregates untracked and remembers them, with everything loaded along, as they were.</summary>
    Task<List<T>> ListAsync<T>(ISpecification<T> specification, CancellationToken cancellationToken) where T : class;

    /// <summary>New rows for <see cref="SaveAsync"/> to insert with whatever new rows they reach; they may refer to tracked ones.</summary>
    void Add(IEnumerable<object> entities);

    /// <summary>
    /// Hands the events of what was read (and of what their handlers write) to their handlers now, without writing
    /// anything: what <see cref="SaveAsync"/> does first, done ahead so that its transaction holds only the writes.
    /// </summary>
    Task HandOutEventsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Hands the events of what was read (and of what their handlers write) to their handlers, then writes, in one
    /// transaction: the new rows, the changed columns of the rows read, the rows their collections lost, and the tracked changes
    /// of the scope (first, when a new row refers to a tracked one still to be inserted). A uniqueness or concurrency clash becomes a <see cref="ConflictException"/>.
    /// </summary>
    Task SaveAsync(CancellationToken cancellationToken);
}
