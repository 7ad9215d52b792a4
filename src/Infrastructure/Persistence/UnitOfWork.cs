using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Mail;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Persistence;

internal sealed class UnitOfWork(PortalDbContext dbContext, OutboxSignal outboxSignal, IPublisher publisher) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var queuesMail = dbContext.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var sources = dbContext.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        var events = sources.SelectMany(e => e.DomainEvents).ToList();
        try
        {
            await dbContext.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConflictException(e);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw new ConflictException(e);
        }
        if (queuesMail) outboxSignal.MailQueued();
        // Published only after the commit: a handler never sees a change that was rolled back.
        foreach (var source in sources) source.ClearDomainEvents();
        foreach (var domainEvent in events) await publisher.Publish(domainEvent, cancellationToken);
    }

    // SQLite: SQLITE_CONSTRAINT_UNIQUE (2067) / PRIMARYKEY (1555); PostgreSQL: SQLSTATE 23505.
    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        { } other => other.GetType().GetProperty("SqlState")?.GetValue(other) as string == "23505",
        _ => false,
    };
}
