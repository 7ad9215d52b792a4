using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Application.Common;

namespace Portal.Web.Infrastructure.RateLimits;

/// <summary>
/// Per client address, the form posts that check a password, a code or a one-time link — sign-in, the
/// two-factor step, forgot and reset password, invitations, e-mail confirmation, and the customer's and staff's own
/// forms that ask for the password again — may only be tried a few times per window; beyond that the answer is the
/// friendly 429 page. Showing those pages stays unlimited.
/// </summary>
public static class AccountRateLimits
{
    public const string Policy = "account-posts";
    public const string Section = "Portal:RateLimits";

    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue($"{Section}:PermitPerMinute", 10);
        var window = configuration.GetValue($"{Section}:Window", TimeSpan.FromMinutes(1));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Nothing is written here: the status-code pages re-execute /status/429, the page in the user's language.
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountRateLimits))
                    .LogWarning("Rate limit reached for {Address} on {Path}", ClientAddress(context.HttpContext),
                        OneTimeLinkRedaction.Redact(context.HttpContext.Request.Path.Value ?? ""));
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetSlidingWindowLimiter(
                    $"{ClientAddress(http)} {http.GetEndpoint()?.DisplayName}",
                    _ => new SlidingWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = window,
                        SegmentsPerWindow = 6,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    /// <summary>Puts the limit on every page of a folder (as endpoint metadata, so it holds whatever the page's name).</summary>
    public static void LimitPostsIn(this PageConventionCollection conventions, string folder) =>
        conventions.AddFolderApplicationModelConvention(folder,
            model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(Policy)));

    public static void LimitPostsIn(this PageConventionCollection conventions, string area, string folder) =>
        conventions.AddAreaFolderApplicationModelConvention(area, folder,
            model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(Policy)));

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
