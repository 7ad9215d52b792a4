using System.Security.Cryptography;
using System.Text;
using Portal.Infrastructure.Webhooks;

namespace Portal.UnitTests.Infrastructure;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test-secret";
    private const string Body = """{"id":"1","type":"ping","data":{}}""";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_the_timestamp_a_dot_and_the_body()
    {
        var header = WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), Body);

        var expected = Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{Now.ToUnixTimeSeconds()}.{Body}")));
        header.ShouldBe($"t={Now.ToUnixTimeSeconds()},v1={expected}");
    }

    [Fact]
    public void A_receiver_accepts_a_fresh_genuine_request() =>
        WebhookSignature.Verify(Secret, WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), Body), Body, Now.AddSeconds(30),
            TimeSpan.FromMinutes(5)).ShouldBeTrue();

    [Fact]
    public void A_changed_body_another_secret_or_an_old_timestamp_fails()
    {
        var header = WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), Body);
        var tolerance = TimeSpan.FromMinutes(5);

        WebhookSignature.Verify(Secret, header, Body.Replace("ping", "pong"), Now, tolerance).ShouldBeFalse();
        WebhookSignature.Verify("whsec_other", header, Body, Now, tolerance).ShouldBeFalse();
        WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(6), tolerance).ShouldBeFalse("a replay later is refused");
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=abc,v1=abc")]
    [InlineData("t=1796893200")]
    public void A_malformed_header_fails(string header) =>
        WebhookSignature.Verify(Secret, header, Body, Now, TimeSpan.FromDays(3650)).ShouldBeFalse();

    [Fact]
    public void A_moved_timestamp_breaks_the_signature()
    {
        var header = WebhookSignature.Create(Secret, Now.ToUnixTimeSeconds(), Body);
        var moved = header.Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 1}");

        WebhookSignature.Verify(Secret, moved, Body, Now, TimeSpan.FromMinutes(5)).ShouldBeFalse();
    }
}
