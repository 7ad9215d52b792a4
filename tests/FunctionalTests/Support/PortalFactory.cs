using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests.Support;

/// <summary>
/// The real portal over HTTP: its own SQLite file in a temp folder (migrated at start like production),
/// a real SMTP server on 127.0.0.1, and a fake clock the test can move.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@portal.test";
    public const string AdminPassword = "Quiet-Lighthouse-Orchard-77";
    public const string PublicBaseUrl = "https://portal.example.test";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("n"));

    public SmtpSink Smtp { get; } = new();

    public string DataFolder => _dataFolder;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    protected virtual bool StartSmtp => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Portal:DataFolder", _dataFolder);
        builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
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
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task InitializeAsync()
    {
        if (StartSmtp) Smtp.Start();
        _ = Server; // builds the host: migrations and the first administrator happen now
        await Task.CompletedTask;
    }

    public PortalBrowser NewBrowser(string? language = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new PortalBrowser(client);
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task WithDbAsync(Func<PortalDbContext, Task> work) => WithDbAsync(async db => { await work(db); return true; });

    public Task<int> DispatchMailNowAsync() =>
        Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await DisposeAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
