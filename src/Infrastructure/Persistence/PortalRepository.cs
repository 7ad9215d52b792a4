using Portal.Application.Common;
using Portal.Infrastructure.Persistence.Specifications;

namespace Portal.Infrastructure.Persistence;

internal sealed class PortalRepository<T>(PortalDbContext dbContext) : EfRepository<T>(dbContext), IRepository<T>, IReadRepository<T>
    where T : class;
