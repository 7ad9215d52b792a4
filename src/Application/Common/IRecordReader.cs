using Ardalis.Specification;
using Portal.Domain.Common;

namespace Portal.Application.Common;

/// <summary>
/// Reads the records changes leave behind (security activity, activity entries, outbox mail) for the pages that list them.
/// </summary>
public interface IRecordReader<T> : IReadRepositoryBase<T> where T : class, ISideEffectRecord;
