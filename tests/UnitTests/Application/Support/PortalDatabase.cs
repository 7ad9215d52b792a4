using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.UnitTests.Application.Support;

/// <summary>
/// A real SQLite database file with the real migrations applied, in a folder of its own that goes with it. The
/// migrations run once per test run into a template that each database starts as a copy of.
/// </summary>
public sealed class PortalDatabase : IDisposable
{
    private static readonly Lazy<string> Template = new(MigrateTemplate);

    public PortalDatabase()
    {
        Directory.CreateDirectory(Folder);
        File.Copy(Template.Value, Path.Combine(Folder, "portal.db"));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "portal-unit-tests", Guid.NewGuid().ToString("n"));

    // Without pooling no connection outlives its context, so the folder can go at the end.
    public string ConnectionString => ConnectionStringOf(Path.Combine(Folder, "portal.db"));

    /// <summary>A fresh context outside the app's container, for seeding and checking.</summary>
    public PortalDbContext CreateContext() => CreateContext(ConnectionString);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string ConnectionStringOf(string file) => $"Data Source={file};Pooling=False";

    private static PortalDbContext CreateContext(string connectionString) =>
        new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connectionString).Options);

    private static string MigrateTemplate()
    {
        var file = Path.Combine(Path.GetTempPath(), "portal-unit-tests", $"template-{Guid.NewGuid():n}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var context = CreateContext(ConnectionStringOf(file))) context.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    }
}
