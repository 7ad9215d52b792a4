using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests.Support;

/// <summary>
/// The schema every test portal starts from. The real migrations run once per test run into a template, and each
/// portal's database begins as a copy of it: a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL.
/// The portal still runs its migrations at start, as production does, and finds them applied; the first administrator,
/// the settings row and the keys are still made by the portal's own start.
/// </summary>
internal static class DatabaseTemplate
{
    private static readonly Lazy<string> SqliteTemplate = new(MigrateSqliteTemplate);
    private static readonly Dictionary<string, Lazy<string>> PostgresTemplates = [];

    /// <summary>Creates the database of <paramref name="connectionString"/> as a copy of the template, unless it exists.</summary>
    public static void CreateDatabase(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres) CreatePostgresDatabase(connectionString);
        else CreateSqliteDatabase(connectionString);
    }

    private static void CreateSqliteDatabase(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (File.Exists(file)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Copy(SqliteTemplate.Value, file);
    }

    private static string MigrateSqliteTemplate()
    {
        var file = Path.Combine(Path.GetTempPath(), "portal-tests", $"template-{Guid.NewGuid():n}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Without pooling the connection closes with the context, so the file is complete when it is copied.
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
        using (var context = new SqlitePortalDbContext(options)) context.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    }

    private static void CreatePostgresDatabase(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;
        Lazy<string> template;
        lock (PostgresTemplates)
        {
            if (!PostgresTemplates.TryGetValue(server, out template!))
            {
                template = new Lazy<string>(() => MigratePostgresTemplate(server));
                PostgresTemplates[server] = template;
            }
        }
        var templateName = template.Value;
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (exists.ExecuteScalar() is not null) return;
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\" TEMPLATE \"{templateName}\"", connection);
        create.ExecuteNonQuery();
    }

    private static string MigratePostgresTemplate(string server)
    {
        var name = $"portal_template_{Guid.NewGuid():n}";
        var template = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(template).Options;
        using (var context = new PostgresPortalDbContext(options)) context.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var connection = new NpgsqlConnection(server);
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The cluster of a test run may already be gone; its databases go with it.
            }
        };
        return name;
    }
}
