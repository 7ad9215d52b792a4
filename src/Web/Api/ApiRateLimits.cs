using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Web.Api;

/// <summary>
/// Each API key may make so many calls per minute (its own limit, or <c>Portal:Api:RequestsPerMinute</c>, 600 by
/// default); beyond that the answer is 429 with <c>Retry-After</c>. Calls without a valid key share a limit per address.
/// </summary>
public sealed class ApiRateLimits(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Policy = "api";
    public const string Setting = "Portal:Api:RequestsPerMinute";
    public const int DefaultRequestsPerMinute = 600;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly int _default = configuration.GetValue(Setting, DefaultRequestsPerMinute);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
            $"This API key has made too many requests. Please try again in {seconds} seconds.");
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var (partition, limit) = httpContext.User.ApiKeyId() is { } keyId
            ? ($"key:{keyId}", httpContext.User.ApiKeyRequestsPerMinute() ?? _default)
            : ($"address:{httpContext.Connection.RemoteIpAddress}", _default);
        // The limit is part of the partition: a key given another limit starts a window of its own.
        return RateLimitPartition.GetFixedWindowLimiter($"{partition}:{limit}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
