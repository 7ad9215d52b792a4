using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.Extensions.DependencyInjection;

// Every signed-in page request unprotects the session cookie and protects an antiforgery token (and, for a browser
// without the antiforgery cookie yet, protects that too): what each data protection algorithm costs per operation.
//
//   dotnet run --project bench/Protection -c Release
BenchmarkRunner.Run<ProtectionBenchmarks>(args: args);

[MemoryDiagnoser]
public class ProtectionBenchmarks
{
    private IDataProtector protector = null!;
    private byte[] payload = null!;
    private byte[] protectedPayload = null!;

    /// <summary>AES-256-CBC with HMACSHA256 is ASP.NET Core's default.</summary>
    [Params(EncryptionAlgorithm.AES_256_CBC, EncryptionAlgorithm.AES_256_GCM)]
    public EncryptionAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("Portal").UseEphemeralDataProtectionProvider()
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = Algorithm,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        protector = services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("bench");
        // About the size of a session cookie's ticket.
        payload = new byte[600];
        Random.Shared.NextBytes(payload);
        protectedPayload = protector.Protect(payload);
    }

    [Benchmark]
    public byte[] Protect() => protector.Protect(payload);

    [Benchmark]
    public byte[] Unprotect() => protector.Unprotect(protectedPayload);
}
