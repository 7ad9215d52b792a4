using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Persistence.Specifications;

/// <summary>
/// Specification-based EF Core repository.
/// </summary>
/// <remarks>
/// Add, Update and Delete methods only stage changes in the change tracker; nothing is written
/// until <see cref="SaveChangesAsync"/> (or the unit of work) is called, so each command
/// commits exactly once. The Update/Delete methods therefore return the number of entities
/// staged, not the number of rows written.
/// </remarks>
public class EfRepository<T> : IRepositoryBase<T>
    where T : class
{
    public EfRepository(DbContext dbContext)
    {
        ArgumentNullException.ThrowIfNull(dbContext);
        DbContext = dbContext;
    }

    protected DbContext DbContext { get; }

    protected DbSet<T> Set => DbContext.Set<T>();

    protected virtual ISpecificationEvaluator Evaluator => EfSpecificationEvaluator.Instance;

    public virtual async Task<T> AddAsync(T entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await Set.AddAsync(entity, cancellationToken);
        return entity;
    }

    public virtual async Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);

        // Materialised so a lazy sequence is not enumerated twice, which could yield different instances.
        var staged = entities.ToList();
        await Set.AddRangeAsync(staged, cancellationToken);
        return staged;
    }

    public virtual Task<int> UpdateAsync(T entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Set.Update(entity);
        return Task.FromResult(1);
    }

    public virtual Task<int> UpdateRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var staged = entities.ToList();
        Set.UpdateRange(staged);
        return Task.FromResult(staged.Count);
    }

    public virtual Task<int> DeleteAsync(T entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Set.Remove(entity);
        return Task.FromResult(1);
    }

    public virtual Task<int> DeleteRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var staged = entities.ToList();
        Set.RemoveRange(staged);
        return Task.FromResult(staged.Count);
    }

    public virtual async Task<int> DeleteRangeAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        // Forced tracking: removing untracked copies would clash with instances the context already tracks.
        var staged = await ApplySpecification(specification).AsTracking().ToListAsync(cancellationToken);
        Set.RemoveRange(staged);
        return staged.Count;
    }

    public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) =>
        DbContext.SaveChangesAsync(cancellationToken);

    public virtual async Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull =>
        await Set.FindAsync([id], cancellationToken);

    public virtual Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification).FirstOrDefaultAsync(cancellationToken);

    public virtual Task<TResult?> FirstOrDefaultAsync<TResult>(
        ISpecification<T, TResult> specification,
        CancellationToken cancellationToken = default) =>
        ApplySpecification(specification).FirstOrDefaultAsync(cancellationToken);

    public virtual Task<T?> SingleOrDefaultAsync(
        ISingleResultSpecification<T> specification,
        CancellationToken cancellationToken = default) =>
        ApplySpecification(specification).SingleOrDefaultAsync(cancellationToken);

    public virtual Task<TResult?> SingleOrDefaultAsync<TResult>(
        ISingleResultSpecification<T, TResult> specification,
        CancellationToken cancellationToken = default) =>
        ApplySpecification(specification).SingleOrDefaultAsync(cancellationToken);

    public virtual Task<List<T>> ListAsync(CancellationToken cancellationToken = default) =>
        Set.ToListAsync(cancellationToken);

    public virtual async Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        var result = await ApplySpecification(specification).ToListAsync(cancellationToken);
        return specification.PostProcessingAction is { } postProcess ? postProcess(result).ToList() : result;
    }

    public virtual async Task<List<TResult>> ListAsync<TResult>(
        ISpecification<T, TResult> specification,
        CancellationToken cancellationToken = default)
    {
        var result = await ApplySpecification(specification).ToListAsync(cancellationToken);
        return specification.PostProcessingAction is { } postProcess ? postProcess(result).ToList() : result;
    }

    public virtual Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification, evaluateCriteriaOnly: true).CountAsync(cancellationToken);

    public virtual Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        Set.CountAsync(cancellationToken);

    public virtual Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification, evaluateCriteriaOnly: true).AnyAsync(cancellationToken);

    public virtual Task<bool> AnyAsync(CancellationToken cancellationToken = default) =>
        Set.AnyAsync(cancellationToken);

    public virtual IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification) =>
        ApplySpecification(specification).AsAsyncEnumerable();

    protected virtual IQueryable<T> ApplySpecification(ISpecification<T> specification, bool evaluateCriteriaOnly = false)
    {
        ArgumentNullException.ThrowIfNull(specification);
        return Evaluator.GetQuery(Set, specification, evaluateCriteriaOnly);
    }

    protected virtual IQueryable<TResult> ApplySpecification<TResult>(ISpecification<T, TResult> specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        return Evaluator.GetQuery(Set, specification);
    }
}
