using System.Security.Cryptography;
using System.Text;
using Portal.Infrastructure.Api;

namespace Portal.Web.Api;

/// <summary>
/// A POST with an <c>Idempotency-Key</c> header is done once: its answer (status, body, location) is kept for a day per API
/// key, and a retry with the same key and the same request gets that answer again without doing the work twice. The same
/// key with a different request is refused with 422, since the caller has mixed up two requests. The key is reserved before
/// the work starts, so two requests sent with it at the same moment never both run: the later one gets 409 while the first
/// is still running, and the first's answer after.
/// </summary>
public sealed class IdempotentPosts(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context, IdempotentResponses responses)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || string.IsNullOrEmpty(key)
            || !context.Request.Path.StartsWithSegments(ApiProblems.Prefix) || context.User.ApiKeyId() is not { } apiKeyId)
        {
            await next(context);
            return;
        }
        if (key.Length > IdempotentResponse.KeyMaxLength)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity,
                $"The {Header} header may be at most {IdempotentResponse.KeyMaxLength} characters long.");
            return;
        }

        var requestHash = await HashAsync(context.Request);
        var (reservation, holder) = await responses.ReserveAsync(apiKeyId, key, requestHash, context.RequestAborted);
        if (reservation is null)
        {
            await AnswerFromHolderAsync(context, holder, requestHash);
            return;
        }

        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            await responses.ReleaseAsync(reservation);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }
        var status = context.Response.StatusCode;
        // A server failure or a throttled call did nothing the caller must not repeat: the retry should really run.
        if (status < 500 && status != StatusCodes.Status429TooManyRequests)
        {
            await responses.CompleteAsync(reservation, status, context.Response.ContentType,
                context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, captured.ToArray(),
                CancellationToken.None);
        }
        else
        {
            await responses.ReleaseAsync(reservation);
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>
    /// The key is taken: by the same request answered before (replayed), by a different request (422), or by a request
    /// still running (409, as the caller retried too early; the answer is there once it ends).
    /// </summary>
    private static async Task AnswerFromHolderAsync(HttpContext context, IdempotentResponse? holder, string requestHash)
    {
        if (holder is not null && holder.RequestHash != requestHash)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity,
                $"This {Header} was already used for a different request.", "Idempotency.KeyReused");
        }
        else if (holder is null || holder.InProgress)
        {
            context.Response.Headers.RetryAfter = "1";
            await ApiProblems.WriteAsync(context, StatusCodes.Status409Conflict,
                $"A request with this {Header} is still in progress. Retry it once that request has been answered.",
                "Idempotency.InProgress");
        }
        else
        {
            await ReplayAsync(context, holder);
        }
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentResponse kept)
    {
        context.Response.StatusCode = kept.StatusCode;
        if (kept.ContentType is not null) context.Response.ContentType = kept.ContentType;
        if (kept.Location is not null) context.Response.Headers.Location = kept.Location;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(kept.Body, context.RequestAborted);
    }
}
