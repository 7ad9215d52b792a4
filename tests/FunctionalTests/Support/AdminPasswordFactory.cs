using Microsoft.AspNetCore.Hosting;

namespace Portal.FunctionalTests.Support;

/// <summary>A portal whose first administrator gets <paramref name="password"/> from the configuration (empty: generated).</summary>
public class AdminPasswordFactory(string password) : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Admin:Password", password);
    }
}
