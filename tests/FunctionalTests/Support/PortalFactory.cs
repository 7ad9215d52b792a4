using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.FunctionalTests.Support;

/// <summary>
/// The real portal over HTTP: its own database (a SQLite file in a temp folder, or a PostgreSQL database of its
/// own when <see cref="PostgresVariable"/> is set), migrated at start like production, a real SMTP server on
/// 127.0.0.1, and a fake clock the test can move. A second instance can share the first one's database,
/// clock and SMTP server, as two web servers behind a load balancer would.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@portal.test";
    public const string AdminPassword = "Quiet-Lighthouse-Orchard-77";
    public const string PublicBaseUrl = "https://portal.example.test";

    /// <summary>A PostgreSQL connection string without Database: set it and every factory gets a database of its own there.</summary>
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("n"));
    private readonly PortalFactory? _primary;

    public PortalFactory() : this(null) { }

    /// <summary>A second app instance on the database of <paramref name="primary"/>, with the same clock and SMTP server.</summary>
    public static PortalFactory SecondInstanceOf(PortalFactory primary) => new SecondInstance(primary);

    /// <summary>
    /// Another app instance on the database of <paramref name="primary"/> that runs under <paramref name="instanceName"/>: the name of
    /// one that crashed (a restart), or of one still running (the mistake the health check reports).
    /// </summary>
    public static PortalFactory SecondInstanceOf(PortalFactory primary, string instanceName) =>
        new SecondInstance(primary) { InstanceName = instanceName };

    /// <summary>
    /// <c>Portal:Instance:Name</c>: the test host's name would be the default of every factory, but two live instances must never
    /// share one.
    /// </summary>
    public string InstanceName { get; private init; } = $"test-{Guid.NewGuid():N}"[..13];

    protected PortalFactory(PortalFactory? primary)
    {
        _primary = primary;
        if (primary is not null)
        {
            Provider = primary.Provider;
            ConnectionString = primary.ConnectionString;
            Smtp = primary.Smtp;
            Clock = primary.Clock;
        }
        else if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server)
        {
            Provider = DatabaseProvider.Postgres;
            ConnectionString = $"{server.TrimEnd(';')};Database=portal_test_{Guid.NewGuid():n}";
        }
        else
        {
            Provider = DatabaseProvider.Sqlite;
            ConnectionString = $"Data Source={Path.Combine(_dataFolder, "portal.db")}";
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public SmtpSink Smtp { get; } = new();

    /// <summary>Every line the app logs, at the levels its configuration lets through.</summary>
    public CapturedLogs Logs { get; } = new();

    public string DataFolder => _dataFolder;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    protected virtual bool StartSmtp => true;

    /// <summary>
    /// A new portal asks administrators for a second factor; most tests are about something else, so their portal
    /// starts with the requirement off. The tests of the requirement keep the new portal's default.
    /// </summary>
    protected virtual bool KeepStaffTwoFactorDefault => false;

    /// <summary>
    /// Passwords are hashed by the production code at a low iteration count: at production strength each sign-in costs
    /// about 165 ms of CPU, and the suite signs in well over a thousand times. Tests that time the hash keep its strength.
    /// </summary>
    protected virtual bool KeepProductionPasswordHashing => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The portal migrates at start as production does; a copy of the migrated template leaves it nothing to apply.
        if (_primary is null) DatabaseTemplate.CreateDatabase(Provider, ConnectionString);
        builder.UseSetting("Portal:DataFolder", _dataFolder);
        // Instances of one portal share the key that encrypts the data-protection keys, as production instances must.
        builder.UseSetting("Portal:DataProtection:KeyFilePath", Path.Combine((_primary ?? this)._dataFolder, "keyring.key"));
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting(Portal.Infrastructure.InstanceName.Setting, InstanceName);
        builder.UseSetting("Portal:CompanyName", "Contoso Trading");
        builder.UseSetting("Portal:Admin:Email", AdminEmail);
        builder.UseSetting("Portal:Admin:Password", AdminPassword);
        builder.UseSetting("Portal:Mail:Host", "127.0.0.1");
        builder.UseSetting("Portal:Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:Mail:Security", "None");
        builder.UseSetting("Portal:Mail:PollInterval", "00:00:00.100");
        builder.UseSetting("Portal:Mail:RetryBase", "00:00:10");
        builder.UseSetting("Portal:Mail:SmtpTimeout", "00:00:05");
        // Every test client shares one address; the limit itself is tested with a factory of its own (RateLimitTests).
        builder.UseSetting("Portal:RateLimits:PermitPerMinute", "100000");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
        });
        if (!KeepProductionPasswordHashing)
        {
            builder.ConfigureTestServices(services =>
                services.AddSingleton<Portal.Application.Common.IPasswordHasher>(IdentityPasswordHasher.ForTests(iterationCount: 1_000)));
        }
    }

    public async Task InitializeAsync()
    {
        if (StartSmtp && _primary is null) Smtp.Start();
        _ = Server; // builds the host: migrations and the first administrator happen now
        await ApplyTestDefaultsAsync();
    }

    /// <summary>
    /// Once the host runs, however it was started: the settings most tests assume (<see cref="KeepStaffTwoFactorDefault"/>).
    /// </summary>
    public async Task ApplyTestDefaultsAsync()
    {
        if (_primary is not null || KeepStaffTwoFactorDefault) return;
        await WithDbAsync(db => db.Settings.ExecuteUpdateAsync(s =>
            s.SetProperty(x => x.RequireStaffTwoFactor, Portal.Domain.Settings.StaffTwoFactorRequirement.Off)));
        Services.GetRequiredService<Portal.Application.Settings.IPortalSettings>().Invalidate();
    }

    /// <summary>A browser of its own; pass another browser's cookies to continue its session on this instance.</summary>
    public PortalBrowser NewBrowser(string? language = null, System.Net.CookieContainer? cookies = null)
    {
        cookies ??= new System.Net.CookieContainer();
        var client = CreateDefaultClient(new Uri("https://localhost"),
            new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new PortalBrowser(client, cookies);
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task WithDbAsync(Func<PortalDbContext, Task> work) => WithDbAsync(async db => { await work(db); return true; });

    public Task<int> DispatchMailNowAsync() =>
        Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    private async Task DropPostgresDatabaseAsync()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        var database = builder.Database!;
        builder.Database = "postgres";
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_primary is null)
        {
            await Smtp.DisposeAsync();
            if (Provider == DatabaseProvider.Postgres) await DropPostgresDatabaseAsync();
        }
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class SecondInstance(PortalFactory primary) : PortalFactory(primary);
}
