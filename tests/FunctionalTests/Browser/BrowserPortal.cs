using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests.Browser;

/// <summary>
/// One test class's portal served by Kestrel on 127.0.0.1 (a free port), with its own database and SMTP sink,
/// and one headless Debian Chromium driven by Playwright. Tests open a fresh browser context each.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    /// <summary>Path of the Chromium to drive; Debian's package puts it at <see cref="DefaultChromium"/>.</summary>
    public const string ChromiumVariable = "PORTAL_CHROMIUM";

    /// <summary>Set to 1 (as CI does) to turn a missing browser into a failure instead of a skip.</summary>
    public const string RequireBrowserVariable = "PORTAL_REQUIRE_BROWSER";

    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missingBrowser;

    public PortalFactory App { get; } = new KestrelPortalFactory();

    /// <summary>The Kestrel address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public SmtpSink Smtp => App.Smtp;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(chromium))
        {
            _missingBrowser = $"Chromium not found at {chromium} (install Debian's chromium package or set {ChromiumVariable}).";
            return;
        }

        App.Smtp.Start();
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        await App.ApplyTestDefaultsAsync();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Skips the calling test when no browser is installed, or fails it when CI demands one.</summary>
    public IBrowser RequireBrowser()
    {
        if (_browser is not null) return _browser;
        if (Environment.GetEnvironmentVariable(RequireBrowserVariable) == "1")
            throw new InvalidOperationException($"{_missingBrowser} {RequireBrowserVariable}=1 demands the browser tests run.");
        throw new SkipException(_missingBrowser);
    }

    /// <summary>
    /// A fresh browser context (own cookies) that resolves relative URLs against the portal; <paramref name="locale"/> sets
    /// Accept-Language.
    /// </summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await RequireBrowser().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The browser loads the CSS and scripts, which the test server run from build output finds only through the
    /// static web assets manifest (Development turns that on by itself; the tests run as Testing).
    /// </summary>
    private sealed class KestrelPortalFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseStaticWebAssets();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}
