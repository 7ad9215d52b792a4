using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Application.Adoption;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Counts this instance's saves that change what the adoption dashboard counts, so that a dashboard kept for a few seconds
/// is dropped by the next grant, acceptance, sent mail or sign-in rather than shown stale. Saves of anything else (sessions,
/// documents, pages, staff accounts) leave the count alone: they happen on every page and would make keeping pointless.
/// </summary>
internal sealed class AdoptionChanges : SaveChangesInterceptor, IAdoptionChanges
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _saving = new();
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSave(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BeforeSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AfterSave(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return Task.CompletedTask;
    }

    // Counted before the save and again after it: a dashboard counted while the save commits is never kept as fresh.
    private void BeforeSave(DbContext? context)
    {
        if (context is null || !Touches(context)) return;
        _saving.AddOrUpdate(context, this);
        Interlocked.Increment(ref _version);
    }

    private void AfterSave(DbContext? context)
    {
        if (context is not null && _saving.Remove(context)) Interlocked.Increment(ref _version);
    }

    private static bool Touches(DbContext context) =>
        context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Contact or PortalUser or Invitation or OutboxMessage or SecurityEvent or PortalAccessEvent);
}
