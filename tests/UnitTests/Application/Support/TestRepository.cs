using Portal.Application.Common;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Specifications;

namespace Portal.UnitTests.Application.Support;

/// <summary>The production repository is internal; this is the same thing over the public <see cref="EfRepository{T}"/>.</summary>
public sealed class TestRepository<T>(PortalDbContext dbContext) : EfRepository<T>(dbContext), IRepository<T>, IReadRepository<T>
    where T : class;
