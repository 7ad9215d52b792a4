using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.Mail;
using Portal.Domain.Mail;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.Emails;

public sealed class EmailsModel : KeysetListPageModel
{
    [BindProperty(SupportsGet = true)] public OutboxStatus? Status { get; set; }

    public KeysetPage<OutboxItem> Mails { get; private set; } = null!;
    public Pager Pager => Pager.For(Mails, paging => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        Url.Page("/Emails/Index")!,
        Pager.QueryOf(paging).Prepend(new("status", Status?.ToString())).Where(p => !string.IsNullOrEmpty(p.Value))));

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        if (Status is { } status && !Enum.IsDefined(status)) Status = null;
        Mails = await SendAsync(new ListOutbox(Status, Paging));
    }
}
