using Microsoft.AspNetCore.Hosting;

namespace Portal.FunctionalTests.Support;

/// <summary>The portal as it comes out of the box: no SMTP host configured.</summary>
public sealed class NoSmtpFactory : PortalFactory
{
    protected override bool StartSmtp => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Mail:Host", "");
    }
}
