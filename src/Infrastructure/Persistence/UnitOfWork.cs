using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Mail;
using Portal.Domain.Settings;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Persistence;

internal sealed class UnitOfWork(PortalDbContext dbContext, OutboxSignal outboxSignal, IPublisher publisher, ICurrentUser currentUser, IPortalSettings settings) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var queuesMail = dbContext.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var sources = dbContext.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        var events = sources.SelectMany(e => e.DomainEvents).ToList();
        // Who did what is stored with the change itself: the activity list can't miss a committed change.
        foreach (var activity in events.OfType<IRecordedActivity>()) dbContext.ActivityEntries.Add(activity.ToActivity(currentUser.UserId));
        var changesSettings = dbContext.ChangeTracker.Entries<PortalSettings>().Any(e => e.State is EntityState.Added or EntityState.Modified);
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
        if (changesSettings) settings.Invalidate();
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
