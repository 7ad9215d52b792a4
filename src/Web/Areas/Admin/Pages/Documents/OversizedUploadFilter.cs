using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Web.Infrastructure.Localization;

namespace Portal.Web.Areas.Admin.Pages.Documents;

/// <summary>
/// An upload announced larger than the page accepts is answered before anything reads its body (antiforgery
/// would, and fail): back to the document with the size message, instead of an error page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RefuseOversizedUploadAttribute(long maxRequestBytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const string RefusalKey = "UploadRefusal";

    /// <summary>Before the antiforgery check, which reads the form.</summary>
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentLength is not { } length || length <= maxRequestBytes) return;

        var services = context.HttpContext.RequestServices;
        var t = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        tempData[RefusalKey] = t.Refusal(DomainErrors.DocumentPdfTooLarge).Value;
        // A short-circuit skips the result filters that would otherwise save it.
        tempData.Save();
        context.Result = new RedirectResult(request.Path, permanent: false);
    }
}
