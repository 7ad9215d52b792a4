using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Application.Settings;

namespace Portal.Web.Infrastructure.Access;

/// <summary>
/// Marks a page as part of a My Account section the business can switch off. While the section is off the page
/// doesn't exist: every handler answers 404, and its tiles and links are gone (see <see cref="SectionShownAsync"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class MyAccountSectionPageAttribute(MyAccountSection section) : Attribute, IAsyncPageFilter
{
    public MyAccountSection Section { get; } = section;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!await context.HttpContext.SectionShownAsync(Section))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}
