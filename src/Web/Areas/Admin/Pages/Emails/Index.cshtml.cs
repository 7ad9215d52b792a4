using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.Mail;
using Portal.Domain.Mail;
using Portal.Domain.Users;
using Portal.Web.Infrastructure.Sessions;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.Emails;

public sealed class EmailsModel : KeysetListPageModel
{
    [BindProperty(SupportsGet = true)] public OutboxStatus? Status { get; set; }

    public KeysetPage<OutboxItem> Mails { get; private set; } = null!;
    public Pager Pager => Pager.For(Mails, ListLink);

    public bool MayRetry => User.May(StaffPermission.ManageMail);

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        // A role without the right gets a 403 like any page it may not use, not a message on a page it may read.
        if (!MayRetry) return StatusCode(StatusCodes.Status403Forbidden);
        var (succeeded, _) = await TrySendAsync(new RetryMail(id), prefix: "");
        if (succeeded)
        {
            TempData["Notice"] = T["The e-mail will be sent again now."].Value;
            return Redirect(ListLink(Paging));
        }
        await LoadAsync();
        return Page();
    }

    private string ListLink(PageRequest paging) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        Url.Page("/Emails/Index")!,
        Pager.QueryOf(paging).Prepend(new("status", Status?.ToString())).Where(p => !string.IsNullOrEmpty(p.Value)));

    private async Task LoadAsync()
    {
        if (Status is { } status && !Enum.IsDefined(status)) Status = null;
        Mails = await SendAsync(new ListOutbox(Status, Paging));
    }
}
