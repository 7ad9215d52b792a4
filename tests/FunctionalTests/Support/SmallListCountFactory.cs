using Microsoft.AspNetCore.Hosting;

namespace Portal.FunctionalTests.Support;

/// <summary>
/// Lists count exactly only up to <see cref="Limit"/> rows, so a test reaches "about" and "more than" with few rows; a broad
/// search walks at most <see cref="SearchWalkLength"/> rows, so both of its plans run with few rows.
/// </summary>
public sealed class SmallListCountFactory : PortalFactory
{
    public const int Limit = 50;
    public const int SearchWalkLength = 100;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Lists:ExactCountLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:Lists:SearchWalkLength",
            SearchWalkLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
