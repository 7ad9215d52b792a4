using System.Runtime.ExceptionServices;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Application.Pages;
using Portal.Application.Settings;
using Portal.Domain.Common;
using Portal.Domain.Mail;
using Portal.Domain.Pages;
using Portal.Domain.Payments;
using Portal.Domain.Settings;
using Portal.Infrastructure.Mail;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Commits a command's change with everything its domain events cause. The events are handed to their handlers
/// before the commit, so the security activity, the activity entry and the outbox mail they write are in the same
/// transaction as the change: a failure anywhere rolls all of it back, and nothing is written for a change that failed.
/// </summary>
internal sealed class UnitOfWork(
    PortalDbContext dbContext,
    OutboxSignal outboxSignal,
    IPublisher publisher,
    IPortalSettings settings,
    ICustomerPageLinks customerPages) : IUnitOfWork
{
    /// <summary>Handlers may change aggregates that raise events of their own; a chain longer than this is a loop.</summary>
    private const int MaxDispatchRounds = 8;

    public Task SaveChangesAsync(CancellationToken cancellationToken) => SaveAsync(rowsTogether: false, cancellationToken);

    public Task SaveBatchAsync(CancellationToken cancellationToken) => SaveAsync(rowsTogether: true, cancellationToken);

    private async Task SaveAsync(bool rowsTogether, CancellationToken cancellationToken)
    {
        // Every look at the tracker (each dispatch round, each check below, the save itself) would compare every tracked
        // entity with its snapshot again: thousands of times over in a job's batch. Changes are detected once per
        // dispatch round instead: the last round detects after the last handler ran, so it sees everything they changed.
        var tracker = dbContext.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        bool queuesMail, changesSettings, changesPages;
        try
        {
            await DispatchDomainEventsAsync(cancellationToken);
            // New mail, or mail made due again (retry now): either way the dispatcher shouldn't wait for its next poll.
            queuesMail = tracker.Entries<OutboxMessage>()
                .Any(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Entity.Status == OutboxStatus.Pending));
            changesSettings = Changes<PortalSettings>();
            changesPages = Changes<PortalPage>();
            if (rowsTogether) await SaveInsertingRowsTogetherAsync(cancellationToken);
            else await SaveReleasingDefaultsFirstAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConflictException(e);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e.InnerException))
        {
            throw new ConflictException(e, isDuplicate: true);
        }
        catch (System.Data.Common.DbException e) when (IsUniqueViolation(e))
        {
            throw new ConflictException(e, isDuplicate: true);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
        if (queuesMail) outboxSignal.MailQueued();
        if (changesSettings) settings.Invalidate();
        if (changesPages) customerPages.Invalidate();
    }

    /// <summary>
    /// A contact's one default bank account is guarded by a filtered unique index, which both databases check row by row and EF
    /// does not order writes by: when the default moves, the accounts giving it up are cleared first, in the same transaction.
    /// </summary>
    private async Task SaveReleasingDefaultsFirstAsync(CancellationToken cancellationToken)
    {
        var releasing = dbContext.ChangeTracker.Entries<PaymentMethod>()
            .Where(e => e.State == EntityState.Modified && e.OriginalValues.GetValue<bool>(nameof(PaymentMethod.IsDefault)) && !e.Entity.IsDefault)
            .Select(e => e.Entity.Id).ToList();
        if (releasing.Count == 0)
        {
            await dbContext.SaveChangesAsync(cancellationToken);
            return;
        }
        await using var transaction = dbContext.Database.CurrentTransaction is null
            ? await dbContext.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await dbContext.PaymentMethods.Where(p => releasing.Contains(p.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.IsDefault, false), cancellationToken);
        await dbContext.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The new rows first, a statement per table, then EF's save of the rest, in one transaction.</summary>
    private async Task SaveInsertingRowsTogetherAsync(CancellationToken cancellationToken)
    {
        await using var transaction = dbContext.Database.CurrentTransaction is null
            ? await dbContext.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await MultiRowInsert.InsertAddedAsync(dbContext, cancellationToken);
        await SaveReleasingDefaultsFirstAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }

    private bool Changes<TEntity>() where TEntity : class => dbContext.ChangeTracker.Entries<TEntity>()
        .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    public void DiscardChanges() => dbContext.ChangeTracker.Clear();

    private async Task DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            dbContext.ChangeTracker.DetectChanges();
            var sources = dbContext.ChangeTracker.Entries<IHasDomainEvents>()
                .Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
            if (sources.Count == 0) return;
            if (round == MaxDispatchRounds) throw new InvalidOperationException("Domain events keep raising further events.");
            var events = sources.SelectMany(e => e.DomainEvents).ToList();
            foreach (var source in sources) source.ClearDomainEvents();
            foreach (var domainEvent in events) await PublishAsync(publisher, domainEvent, cancellationToken);
        }
    }

    internal static async Task PublishAsync(IPublisher publisher, IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        try
        {
            await publisher.Publish(domainEvent, cancellationToken);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The publisher gathers what its handlers threw; one failure surfaces as itself, as if the use case had thrown it.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    // SQLite: SQLITE_CONSTRAINT_UNIQUE (2067) / PRIMARYKEY (1555); PostgreSQL: SQLSTATE 23505.
    internal static bool IsUniqueViolation(Exception? e) => e switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        { } other => other.GetType().GetProperty("SqlState")?.GetValue(other) as string == "23505",
        _ => false,
    };
}
