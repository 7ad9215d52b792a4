using Microsoft.Extensions.Configuration;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Which database the portal runs on: `Database:Provider` (Sqlite, the default, or Postgres) and
/// `ConnectionStrings:Portal` (for SQLite it defaults to portal.db in the data folder).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration, DataFolder dataFolder)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerName}'.");
        var configured = configuration.GetConnectionString("Portal");
        if (!string.IsNullOrWhiteSpace(configured)) return new DatabaseSettings(provider, configured);
        return provider == DatabaseProvider.Sqlite
            ? new DatabaseSettings(provider, $"Data Source={Path.Combine(dataFolder.Path, "portal.db")}")
            : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Portal is empty.");
    }
}
