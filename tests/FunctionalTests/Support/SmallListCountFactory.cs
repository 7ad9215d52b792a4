using Microsoft.AspNetCore.Hosting;

namespace Portal.FunctionalTests.Support;

/// <summary>Lists count exactly only up to <see cref="Limit"/> rows, so a test reaches "about" and "more than" with few rows.</summary>
public sealed class SmallListCountFactory : PortalFactory
{
    public const int Limit = 50;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Lists:ExactCountLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
