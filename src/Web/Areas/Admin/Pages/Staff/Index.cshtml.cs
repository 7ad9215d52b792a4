using Microsoft.AspNetCore.Mvc;
using Portal.Application.Staff;
using Portal.Domain.Users;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.Web.Areas.Admin.Pages.Staff;

/// <summary>
/// The back-office users: role, status, and the moves an administrator makes on them. A refusal (the last
/// administrator, your own account) is shown at the top and changes nothing.
/// </summary>
public sealed class StaffIndexModel : PortalPageModel
{
    public IReadOnlyList<StaffMemberRow> Staff { get; private set; } = [];

    public int? CurrentUserId => User.UserId();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostChangeRoleAsync(int id, StaffRole role)
    {
        var result = await ActAsync(new ChangeStaffRole(id, role), "The role was changed. It applies from the colleague's next click.");
        // Someone who gave up their own administrator role can no longer open this page.
        return result is RedirectToPageResult && id == CurrentUserId && !role.Allows(StaffPermission.ManageStaff)
            ? RedirectToPage("/Index")
            : result;
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id) =>
        ActAsync(new DeactivateStaffMember(id), "The colleague was deactivated. Every session of theirs has ended.");

    public Task<IActionResult> OnPostReactivateAsync(int id) =>
        ActAsync(new ReactivateStaffMember(id), "The colleague was reactivated and can sign in again.");

    public Task<IActionResult> OnPostReInviteAsync(int id) =>
        ActAsync(new ReInviteStaffMember(id), "A new invitation is on its way; older links no longer work.");


    private async Task<IActionResult> ActAsync(Mediator.IRequest<Mediator.Unit> command, string success)
    {
        var (succeeded, _) = await TrySendAsync(command, prefix: "");
        if (!succeeded)
        {
            await LoadAsync();
            return Page();
        }
        TempData["Notice"] = T[success].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync() => Staff = await SendAsync(new ListStaff());
}
