using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.FunctionalTests.Support;

/// <summary>Three posts a minute, and a header that says which client address a request comes from (the test server has none).</summary>
public sealed class LowLimitFactory : PortalFactory
{
    public const int Limit = 3;
    public const string ClientAddressHeader = "X-Test-Client-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:RateLimits:PermitPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());
    }

    public PortalBrowser BrowserFrom(string address, string? language = null)
    {
        var browser = NewBrowser(language);
        browser.Client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return browser;
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
