using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Web.Infrastructure.Localization;

namespace Portal.Web.Infrastructure.PageModels;

/// <summary>
/// An upload announced larger than the page accepts is answered before anything reads its body (antiforgery
/// would, and fail): back to the page with the size message in TempData under <see cref="RefusalKey"/>, instead of an error page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public abstract class OversizedUploadAttribute(long maxRequestBytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const string RefusalKey = "UploadRefusal";

    /// <summary>Before the antiforgery check, which reads the form.</summary>
    public int Order => int.MinValue;

    protected abstract DomainError Refusal { get; }

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentLength is not { } length || length <= maxRequestBytes) return;

        var services = context.HttpContext.RequestServices;
        var t = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        tempData[RefusalKey] = t.Refusal(Refusal).Value;
        // A short-circuit skips the result filters that would otherwise save it.
        tempData.Save();
        context.Result = new RedirectResult(request.Path, permanent: false);
    }
}
