using System.Net;
using Microsoft.Extensions.Logging;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests.ScaleOut;

/// <summary>Outside development, a portal whose data-protection keys are stored unencrypted says so.</summary>
public sealed class KeyEncryptionTests(UnencryptedKeysFactory factory) : IClassFixture<UnencryptedKeysFactory>
{
    [Fact]
    public async Task Starting_without_key_encryption_warns_and_ready_reports_degraded()
    {
        factory.Logs.Lines.ShouldContain(line => line.Level == LogLevel.Warning && line.Message.Contains("unencrypted"));

        using var probe = factory.NewBrowser();
        var ready = await probe.GetAsync("/health/ready");
        ready.Status.ShouldBe(HttpStatusCode.OK);
        ready.Html.ShouldBe("Degraded");
    }
}
