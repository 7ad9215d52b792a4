using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Portal.Web.Api;

/// <summary>
/// The integration API under <c>/api/v1</c>: thin endpoints that send the same commands and queries the back-office pages
/// send, with an API key's role in place of a colleague's. Its description is <c>/api/v1/openapi.json</c>, readable at
/// <c>/api/docs</c>.
/// </summary>
public static class PortalApi
{
    public const string Policy = "Api";
    public const string DocumentName = "v1";
    public const string DescriptionPath = "/api/v1/openapi.json";
    public const string ReferencePath = "/api/docs";
    /// <summary>Pages and the API share one default scheme, which asks the API key handler on API endpoints and the cookie elsewhere.</summary>
    public const string DefaultScheme = "Portal";

    public static AuthenticationBuilder AddApiKeys(this AuthenticationBuilder authentication)
    {
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        authentication.AddPolicyScheme(DefaultScheme, DefaultScheme, options => options.ForwardDefaultSelector = context =>
            context.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointAttribute>() is not null
                ? ApiKeyAuthenticationHandler.SchemeName
                : CookieAuthenticationDefaults.AuthenticationScheme);
        return authentication;
    }

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthenticationHandler.KeyIdClaim));
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(options =>
            options.AddPolicy<string, ApiRateLimits>(ApiRateLimits.Policy));
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        // A body that does not parse throws, so ApiProblems can name the field (the default is a bare 400).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Portal integration API",
                    Version = DocumentName,
                    Description = "Contacts, portal access and documents for other systems. Authenticate with 'Authorization: Bearer <API key>'; " +
                        "keys are created under Settings → API keys.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key, pk_…",
                };
                document.Security = [new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
                }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static void MapPortalApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .WithMetadata(new ApiEndpointAttribute())
            .RequireAuthorization(Policy)
            .RequireRateLimiting(ApiRateLimits.Policy)
            .AddEndpointFilter<ApiRefusalFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapContactsApi();
        api.MapPortalAccessApi();
        api.MapDocumentsApi();

        app.MapOpenApi(DescriptionPath);
        app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("Portal integration API")
                .WithOpenApiRoutePattern(DescriptionPath)
                .WithNonce()
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp())
            .WithMetadata(new ApiReferencePageAttribute());
    }

    /// <summary>Declares the problem answers an endpoint may give besides the group's 401, 403 and 429.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            if (status == StatusCodes.Status422UnprocessableEntity) builder.ProducesValidationProblem(status);
            else builder.ProducesProblem(status);
        }
        return builder;
    }

    /// <summary>
    /// The reference page runs Scalar's bundled script (served from this site, never a CDN) and its inline start-up script,
    /// which carries a fresh nonce; its styles are set inline by the script.
    /// </summary>
    public static string ReferenceContentSecurityPolicy(HttpContext context) =>
        $"default-src 'self'; script-src 'self'{(context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce ? $" 'nonce-{nonce}'" : "")}; " +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
}

/// <summary>An endpoint of the integration API: authenticated by API key, answered with problem details.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ApiEndpointAttribute : Attribute;

/// <summary>The API reference page and its script, which bring a content security policy of their own.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ApiReferencePageAttribute : Attribute;
