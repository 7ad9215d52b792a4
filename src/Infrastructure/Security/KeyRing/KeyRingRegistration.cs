using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Security.KeyRing;

public static class KeyRingRegistration
{
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration,
        DataFolder dataFolder, DatabaseProvider provider)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var protection = KeyRingProtection.From(options, provider);
        // Registered whatever the choice, so keys a key file encrypted stay readable after a switch to a certificate.
        var keyFile = new KeyFile(options.KeyFilePath is { Length: > 0 } path
            ? Path.Combine(dataFolder.Path, path)
            : Path.Combine(dataFolder.Path, KeyFile.DefaultName));
        services.AddSingleton(keyFile);

        var builder = services.AddDataProtection()
            .SetApplicationName("Portal")
            .PersistKeysToDbContext<PortalDbContext>();
        if (protection.Encryption == KeyEncryption.Certificate)
        {
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                Path.Combine(dataFolder.Path, protection.Source!), options.CertificatePassword));
        }
        else if (protection.Encryption == KeyEncryption.KeyFile)
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(
                new ConfigureOptions<KeyManagementOptions>(key => key.XmlEncryptor = new KeyFileXmlEncryptor(keyFile)));
            protection = protection with { Source = keyFile.Path };
        }
        services.AddSingleton(protection);
        return services;
    }
}
