using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.UnitTests.Application.Support;

/// <summary>Commits like the production unit of work and keeps the domain events it would publish after the commit.</summary>
public sealed class TestUnitOfWork(PortalDbContext dbContext) : IUnitOfWork
{
    public int Commits { get; private set; }

    public List<IDomainEvent> PublishedEvents { get; } = [];

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var sources = dbContext.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        var events = sources.SelectMany(e => e.DomainEvents).ToList();
        await dbContext.SaveChangesAsync(cancellationToken);
        Commits++;
        foreach (var source in sources) source.ClearDomainEvents();
        PublishedEvents.AddRange(events);
    }
}
