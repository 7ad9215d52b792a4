using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.FunctionalTests.Support;

/// <summary>The portal behind a proxy at 10.0.0.1; requests arrive from there unless a test says otherwise.</summary>
public sealed class BehindProxyFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:ReverseProxy:KnownProxies:0", "10.0.0.1");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ArrivesFromFilter>());
    }

    private sealed class ArrivesFromFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, Func<Task> nextMiddleware) =>
            {
                var from = context.Request.Headers["X-Test-Peer"].FirstOrDefault() ?? "10.0.0.1";
                context.Connection.RemoteIpAddress = IPAddress.Parse(from);
                await nextMiddleware();
            });
            next(app);
        };
    }
}
