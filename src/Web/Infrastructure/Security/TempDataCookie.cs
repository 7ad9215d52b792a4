using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Portal.Web.Infrastructure.Security;

/// <summary>
/// ASP.NET Core's cookie TempData, except that a response carries no TempData cookie when there is nothing to keep and
/// the request brought none. The layout reads TempData on every page (for a notice left by a redirect), and the cookie
/// provider answers every such read with a <c>Set-Cookie</c> that deletes a cookie the browser does not have.
/// </summary>
public sealed class TempDataCookie(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options)
    : ITempDataProvider
{
    private readonly string name = options.Value.Cookie.Name!;

    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        // A TempData cookie too large for one cookie is split into chunks; the first keeps the name, so this finds it.
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(name)) return;
        cookies.SaveTempData(context, values);
    }
}
