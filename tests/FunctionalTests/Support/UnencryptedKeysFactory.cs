using Microsoft.AspNetCore.Hosting;

namespace Portal.FunctionalTests.Support;

/// <summary>A portal told to store its data-protection keys unencrypted.</summary>
public sealed class UnencryptedKeysFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:DataProtection:KeyEncryption", "None");
    }
}
