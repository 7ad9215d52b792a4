using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests.Support;

/// <summary>
/// A portal that logs everything the framework has to say about a request, down to Trace, and whose next database query
/// can be made to fail, so a request ends in an unhandled exception.
/// </summary>
public sealed class VerboseLogsFactory : PortalFactory
{
    private readonly FailingQuery _failingQuery = new();

    /// <summary>The next query of invitations throws an exception with this message (the mail dispatcher queries others).</summary>
    public void FailNextQuery(string message) => _failingQuery.Arm(message);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information");
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqlitePortalDbContext>(options => options.AddInterceptors(_failingQuery));
            services.ConfigureDbContext<PostgresPortalDbContext>(options => options.AddInterceptors(_failingQuery));
        });
    }

    private sealed class FailingQuery : DbCommandInterceptor
    {
        private string? _message;

        public void Arm(string message) => _message = message;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("\"Invitations\"", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _message, null) is { } message
                ? throw new InvalidOperationException(message)
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
