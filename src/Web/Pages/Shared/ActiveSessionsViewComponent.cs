using Mediator;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Sessions;

namespace Portal.Web.Pages.Shared;

/// <summary>
/// The signed-in account's active sessions with a button to end each: <c>@await Component.InvokeAsync(typeof(ActiveSessionsViewComponent))</c> on any page of a
/// signed-in user (customer or staff). The buttons post to the end-session page, which comes back to this page.
/// </summary>
public sealed class ActiveSessionsViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await sender.Send(new ListMySessions(), HttpContext.RequestAborted));
}
