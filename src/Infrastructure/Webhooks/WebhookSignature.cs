using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Infrastructure.Webhooks;

/// <summary>
/// The <c>Portal-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, the HMAC keyed with the webhook's
/// secret over <c>t + "." + body</c>. The timestamp inside the signed text lets a receiver refuse an old request replayed.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Portal-Signature";

    public static string Create(string secret, long unixSeconds, string body)
    {
        var timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Compute(secret, timestamp, body)}";
    }

    /// <summary>
    /// True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> and its time is within
    /// <paramref name="tolerance"/> of <paramref name="now"/>: what a receiver checks.
    /// </summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        string? timestamp = null, signature = null;
        foreach (var part in header.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2) continue;
            if (pair[0] == "t") timestamp = pair[1];
            else if (pair[0] == "v1") signature = pair[1];
        }
        if (timestamp is null || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
            return false;
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
    }

    private static string Compute(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
