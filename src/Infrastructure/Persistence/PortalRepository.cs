using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence.Specifications;

namespace Portal.Infrastructure.Persistence;

internal sealed class PortalRepository<T>(PortalDbContext dbContext) : EfRepository<T>(dbContext), IRepository<T>, IReadRepository<T>
    where T : class, IAggregateRoot;

internal sealed class RecordRepository<T>(PortalDbContext dbContext, UntrackedRecords untracked)
    : EfRepository<T>(dbContext), IRecordReader<T>, IRecordWriter<T>
    where T : class, ISideEffectRecord
{
    public void Append(T record)
    {
        if (!untracked.TryCollect(record)) Set.Add(record);
    }
}
