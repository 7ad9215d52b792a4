using Ardalis.Specification;
using Portal.Domain.Common;

namespace Portal.Application.Common;

/// <summary>Loads and stores aggregates; entities inside an aggregate are reached through its root.</summary>
public interface IRepository<T> : IRepositoryBase<T> where T : class, IAggregateRoot;

public interface IReadRepository<T> : IReadRepositoryBase<T> where T : class, IAggregateRoot;
