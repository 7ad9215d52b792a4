using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Web.Infrastructure.Localization;

namespace Portal.Web.Api;

/// <summary>
/// Every failure on <c>/api</c> answers as RFC 7807 problem details, never as an HTML page or a redirect: invalid input is a
/// 422 with the messages per field, a business refusal a 409 or 422 carrying the domain error's code, a missing record a
/// 404, a body over <see cref="MaxRequestBodyBytes"/> a 413. Messages follow the caller's <c>Accept-Language</c>.
/// </summary>
public sealed class ApiProblems(RequestDelegate next, ILogger<ApiProblems> logger)
{
    public const long MaxRequestBodyBytes = 20 * 1024 * 1024;
    public const string Prefix = "/api";

    /// <summary>Refusals that say the record is not in a state for the move (rather than that the input is wrong).</summary>
    private static readonly HashSet<string> ConflictCodes =
    [
        DomainErrors.AccessAlreadyGranted.Code,
        DomainErrors.AccessNotGranted.Code,
        DomainErrors.InvitationJustSent.Code,
        DomainErrors.JobAlreadyFinished.Code,
        DomainErrors.EmailLockedByPortalAccess.Code,
        DomainErrors.ApiKeyAlreadyRevoked.Code,
        DomainErrors.DocumentOnlyDraftsChange.Code,
        DomainErrors.DocumentStatusChangeNotAllowed.Code,
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix))
        {
            await next(context);
            return;
        }

        // The friendly status pages are for browsers; an API client reads the problem details written here.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
        if (context.Request.ContentLength > MaxRequestBodyBytes)
        {
            await TooLargeAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = MaxRequestBodyBytes;

        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            context.Response.Clear();
            // Out here the language middleware has already restored the thread's culture; the request's is on the context.
            if (context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } culture)
                System.Globalization.CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
            if (ProblemFor(context, e) is not { } problem)
            {
                logger.LogError(e, "The API request failed.");
                problem = Problem(StatusCodes.Status500InternalServerError, null);
            }
            await problem.ExecuteAsync(context);
            return;
        }

        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentLength is null
            && context.Response.ContentType is null)
        {
            await WriteAsync(context, context.Response.StatusCode, null);
        }
    }

    public static Task WriteAsync(HttpContext context, int status, string? detail, string? code = null) =>
        Problem(status, detail, code).ExecuteAsync(context);

    private static IResult Problem(int status, string? detail, string? code = null) =>
        Results.Problem(detail, statusCode: status,
            extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code });

    private static Task TooLargeAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body may be at most {MaxRequestBodyBytes / 1024 / 1024} MB.");

    /// <summary>The problem details for a failure, or null for one that is not the caller's doing (a bug, an outage).</summary>
    public static IResult? ProblemFor(HttpContext context, Exception exception)
    {
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        switch (exception)
        {
            case ValidationException invalid:
                return Results.ValidationProblem(
                    invalid.Errors.GroupBy(f => ApiFieldNames.Of(f.PropertyName))
                        .ToDictionary(g => g.Key, g => g.Select(f => t[f.ErrorMessage, MessageArguments.Of(f)].Value).Distinct().ToArray()),
                    statusCode: StatusCodes.Status422UnprocessableEntity);
            case DomainException refused when refused.Error == DomainErrors.NotPermitted:
                return Problem(StatusCodes.Status403Forbidden, t.Refusal(refused.Error), refused.Code);
            case DomainException refused:
                return Problem(ConflictCodes.Contains(refused.Code) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                    t.Refusal(refused.Error), refused.Code);
            case NotFoundException:
                return Problem(StatusCodes.Status404NotFound, exception.Message);
            case ConflictException conflict:
                return Problem(StatusCodes.Status409Conflict, t[conflict.Message]);
            case BadHttpRequestException { InnerException: JsonException json }:
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { [ApiFieldNames.OfJsonPath(json.Path)] = [t["The value has the wrong type or format."].Value] },
                    statusCode: StatusCodes.Status422UnprocessableEntity);
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return Problem(StatusCodes.Status413PayloadTooLarge, $"The request body may be at most {MaxRequestBodyBytes / 1024 / 1024} MB.");
            case BadHttpRequestException bad:
                return Problem(bad.StatusCode, bad.Message);
            default:
                return null;
        }
    }
}

/// <summary>
/// How a command's property is named in the API's JSON: a nested record is flattened there (<c>Details.PostalCode</c> →
/// <c>postalCode</c>), while a list keeps its items (<c>Lines[1].Quantity</c> → <c>lines[1].quantity</c>, as the JSON path of
/// a value of the wrong type names it).
/// </summary>
public static class ApiFieldNames
{
    public static string Of(string propertyName)
    {
        if (string.IsNullOrEmpty(propertyName)) return "";
        var segments = propertyName.Split('.');
        var firstItem = Array.FindIndex(segments, s => s.EndsWith(']'));
        return string.Join('.', segments[(firstItem < 0 ? segments.Length - 1 : firstItem)..].Select(JsonNamingPolicy.CamelCase.ConvertName));
    }

    /// <summary><c>$.companyId</c> → <c>companyId</c>; the whole body when the path names no field.</summary>
    public static string OfJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}

/// <summary>
/// Turns a refusal into its problem details inside the endpoint, so the answer is a response like any other (and an
/// idempotent POST keeps it for its retry).
/// </summary>
public sealed class ApiRefusalFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (ApiProblems.ProblemFor(context.HttpContext, e) is { } problem)
        {
            return problem;
        }
    }
}
