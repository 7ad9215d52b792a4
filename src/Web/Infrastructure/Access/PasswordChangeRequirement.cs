using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Infrastructure.Access;

/// <summary>
/// A colleague signed in with a password someone else has seen (the one generated at setup) is sent to replace it from
/// every back-office page but the one that does (marked <see cref="OpenBeforePasswordChangeAttribute"/>).
/// </summary>
public sealed class PasswordChangeRequirement : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.HasClaim(SessionClaims.PasswordChangeClaim, "true"))
        {
            context.Result = new RedirectToPageResult("/Account/Index", new { area = "Admin" });
            return;
        }
        await next();
    }

    /// <summary>First of all filters, before the two-factor requirement: the password comes first.</summary>
    public static void ApplyTo(PageApplicationModel page)
    {
        if (!page.HandlerType.IsDefined(typeof(OpenBeforePasswordChangeAttribute), inherit: true))
            page.Filters.Insert(0, new TypeFilterAttribute(typeof(PasswordChangeRequirement)));
    }
}
