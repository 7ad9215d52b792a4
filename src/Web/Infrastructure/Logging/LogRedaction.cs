using Microsoft.AspNetCore.Diagnostics;
using Portal.Application.Common;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>
/// What no log line may carry: the token of a one-time link, as part of an address (<see cref="OneTimeLinkRedaction"/>)
/// or on its own, when the current request is for such a link (framework logs of handler arguments, exception messages).
/// </summary>
internal sealed class LogRedaction(IHttpContextAccessor requests)
{
    public bool Needed(string? text) =>
        !string.IsNullOrEmpty(text) && (OneTimeLinkRedaction.ContainsToken(text) || CurrentTokens().Any(text.Contains));

    public bool Needed(object? value) => value is not null && !value.GetType().IsPrimitive && Needed(value.ToString());

    public string Redact(string text) => CurrentTokens().Aggregate(OneTimeLinkRedaction.Redact(text),
        (redacted, token) => redacted.Replace(token, OneTimeLinkRedaction.Placeholder, StringComparison.Ordinal));

    /// <summary>The tokens in the request's address, also while an error or status page is re-executed for it.</summary>
    private IEnumerable<string> CurrentTokens()
    {
        if (requests.HttpContext is not { } http) return [];
        return new[]
            {
                http.Request.Path.Value,
                http.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath,
                http.Features.Get<IExceptionHandlerPathFeature>()?.Path,
            }
            .SelectMany(OneTimeLinkRedaction.TokensIn)
            .Distinct(StringComparer.Ordinal);
    }
}
