using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Portal.Application.ApiKeys;

namespace Portal.Web.Api;

/// <summary>
/// <c>Authorization: Bearer pk_…</c> on the integration API. The key is checked on every call (revoked or expired: 401 at
/// once); a failed check never redirects to the sign-in page but answers 401 problem details with a
/// <c>WWW-Authenticate</c> challenge.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "portal:apikey";
    public const string RequestsPerMinuteClaim = "portal:apikey:rpm";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var presented = header[BearerPrefix.Length..].Trim();
        var sender = Context.RequestServices.GetRequiredService<ISender>();
        if (await sender.Send(new AuthenticateApiKey(presented), Context.RequestAborted) is not { } key)
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");

        List<Claim> claims =
        [
            new(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, key.Name),
        ];
        if (key.RequestsPerMinute is { } limit) claims.Add(new(RequestsPerMinuteClaim, limit.ToString(CultureInfo.InvariantCulture)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = """Bearer realm="portal-api", error="invalid_token" """.Trim();
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            "Send a valid API key as 'Authorization: Bearer <key>'. The key may be unknown, revoked or expired.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "This API key's role does not allow this request.");
}

public static class ApiKeyClaims
{
    public static int? ApiKeyId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static int? ApiKeyRequestsPerMinute(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ApiKeyAuthenticationHandler.RequestsPerMinuteClaim), CultureInfo.InvariantCulture,
            out var limit) ? limit : null;
}
