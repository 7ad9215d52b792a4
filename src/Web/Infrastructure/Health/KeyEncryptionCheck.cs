using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Infrastructure.Security.KeyRing;

namespace Portal.Web.Infrastructure.Health;

/// <summary>
/// Degraded outside Development while the data-protection keys are stored unencrypted: the instance works, but a copy of
/// the database decrypts every IBAN and TOTP secret and can forge session cookies.
/// </summary>
internal sealed class KeyEncryptionCheck(KeyRingProtection protection, IWebHostEnvironment environment) : IHealthCheck
{
    public const string Unencrypted =
        "Data-protection keys are stored unencrypted in the database; set Portal:DataProtection:CertificatePath or KeyFilePath.";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(protection.EncryptsKeys || environment.IsDevelopment()
            ? HealthCheckResult.Healthy($"Data-protection keys: {protection.Encryption}.")
            : HealthCheckResult.Degraded(Unencrypted));

    /// <summary>Said once at start too, where an operator reads it before any load balancer asks.</summary>
    public static void WarnAtStart(WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Services.GetRequiredService<KeyRingProtection>().EncryptsKeys) return;
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<KeyEncryptionCheck>().LogWarning(Unencrypted);
    }
}
