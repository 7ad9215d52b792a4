using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.UnitTests.Application.Support;

/// <summary>
/// Lets a test step in where the app's own contexts touch the database: just before a save (to hold two requests
/// at a barrier, or to let someone else change a row meanwhile) and on every query.
/// </summary>
public sealed class DatabaseHooks : DbCommandInterceptor, ISaveChangesInterceptor
{
    public Func<DbContext, CancellationToken, Task>? BeforeSave { get; set; }

    public Action<DbCommand>? OnQuery { get; set; }

    async ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        if (BeforeSave is { } beforeSave) await beforeSave(eventData.Context!, cancellationToken);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        OnQuery?.Invoke(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
