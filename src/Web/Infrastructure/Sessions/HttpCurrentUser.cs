using System.Security.Claims;
using Portal.Application.Common;

namespace Portal.Web.Infrastructure.Sessions;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public int? UserId => Principal?.Identity?.IsAuthenticated == true ? Principal.UserId() : null;

    public string ActorName => Principal?.Identity?.IsAuthenticated == true
        ? $"{Principal.FindFirstValue(ClaimTypes.Name)} <{Principal.FindFirstValue(ClaimTypes.Email)}>"
        : "system";

    public bool IsCustomer => Principal?.Identity?.IsAuthenticated == true && Principal.IsInRole(SessionClaims.PortalRole);

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? SessionToken => Principal?.Identity?.IsAuthenticated == true ? Principal.FindFirstValue(SessionClaims.SessionId) : null;
}
