using Ardalis.Specification;

namespace Portal.Application.Common;

public interface IRepository<T> : IRepositoryBase<T> where T : class;

public interface IReadRepository<T> : IReadRepositoryBase<T> where T : class;
