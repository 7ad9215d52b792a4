using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.PortalAccess;

/// <summary>
/// Company administrators' requests for a colleague's access, waiting for staff: every staff member sees them, those who
/// manage portal access approve (the same grant as an invitation) or refuse them with an optional reason.
/// </summary>
public sealed class ColleagueRequestsModel : KeysetListPageModel
{
    public const string Approved = "The request was approved; {0} was invited.";
    public const string Refused = "The request to invite {0} was refused.";

    [BindProperty] public RefuseInput Refusal { get; set; } = new();

    public KeysetPage<ColleagueRequestItem> Requests { get; private set; } = null!;
    public Pager Pager => Pager.For(Requests, LinkTo);

    public async Task OnGetAsync() => Requests = await SendAsync(new ListColleagueRequests(Paging));

    public Task<IActionResult> OnPostApproveAsync(int id, string? name) =>
        DecideAsync(new ApproveColleagueRequest(id), Approved, name);

    public Task<IActionResult> OnPostRefuseAsync(int id, string? name) =>
        DecideAsync(new RefuseColleagueRequest(id, Refusal.Reason), Refused, name);

    private async Task<IActionResult> DecideAsync(IRequest<Unit> decision, string success, string? name)
    {
        if (ModelState.IsValid && (await TrySendAsync(decision, prefix: nameof(Refusal))).Succeeded)
        {
            TempData["Notice"] = T[success, name ?? ""].Value;
            return RedirectToPage();
        }
        Requests = await SendAsync(new ListColleagueRequests(Paging));
        return Page();
    }

    private string LinkTo(PageRequest paging) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Url.Page("/PortalAccess/Requests")!,
            Pager.QueryOf(paging).Where(p => !string.IsNullOrEmpty(p.Value)));

    public sealed class RefuseInput
    {
        [Display(Name = "Reason (optional, sent to the requester)")] public string? Reason { get; set; }
    }
}
