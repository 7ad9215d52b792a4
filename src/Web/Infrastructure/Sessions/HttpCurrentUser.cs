using System.Security.Claims;
using Portal.Application.Common;
using Portal.Web.Api;

namespace Portal.Web.Infrastructure.Sessions;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    private bool IsSignedIn => Principal?.Identity?.IsAuthenticated == true && ApiKeyId is null;

    public int? UserId => IsSignedIn ? Principal!.UserId() : null;

    /// <summary>An API key is named by its name alone; the activity list adds "API key" (<see cref="ICurrentUser.ActorKind"/>).</summary>
    public string ActorName => Principal is not { } principal || principal.Identity?.IsAuthenticated != true ? "system"
        : ApiKeyId is not null ? principal.FindFirstValue(ClaimTypes.Name) ?? ""
        : $"{principal.FindFirstValue(ClaimTypes.Name)} <{principal.FindFirstValue(ClaimTypes.Email)}>";

    public bool IsCustomer => IsSignedIn && Principal!.IsInRole(SessionClaims.PortalRole);

    public int? ApiKeyId => Principal?.Identity?.IsAuthenticated == true ? Principal.ApiKeyId() : null;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? SessionToken => IsSignedIn ? Principal!.FindFirstValue(SessionClaims.SessionId) : null;
}
