using Microsoft.AspNetCore.Mvc;
using Portal.Application.Activity;
using Portal.Application.Common;
using Portal.Domain.Activity;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.Activity;

public sealed class ActivityModel : KeysetListPageModel
{
    [BindProperty(Name = "staff", SupportsGet = true)] public int? StaffMemberId { get; set; }
    [BindProperty(Name = "contactId", SupportsGet = true)] public int? ContactId { get; set; }
    [BindProperty(Name = "contact", SupportsGet = true)] public string? Contact { get; set; }
    [BindProperty(Name = "kind", SupportsGet = true)] public ActivityKind? Kind { get; set; }
    [BindProperty(Name = "from", SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(Name = "to", SupportsGet = true)] public DateOnly? To { get; set; }

    public ActivityPage Activity { get; private set; } = null!;
    public Pager Pager => Pager.For(Activity.Entries, PageLink);

    public async Task OnGetAsync()
    {
        // A filter that can't be read (a typed-in date like "yesterday") is dropped with a note, not answered with an error.
        var unreadable = !ModelState.IsValid;
        ModelState.Clear();
        if (unreadable) ModelState.AddModelError(string.Empty, T["Some filters could not be read and were left out."]);
        if (Kind is { } kind && !Enum.IsDefined(kind)) Kind = null;
        if (Contact?.Length > ListActivity.ContactSearchMaxLength) Contact = Contact[..ListActivity.ContactSearchMaxLength];
        if (From is { } from && To is { } to && to < from) (From, To) = (to, from);
        Activity = await SendAsync(new ListActivity(StaffMemberId, ContactId, Contact, Kind, From, To, Paging));
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(PageRequest paging) => Url.Page("/Activity/Index", new
    {
        area = "Admin",
        staff = StaffMemberId,
        contactId = ContactId,
        contact = Contact,
        kind = Kind,
        from = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        to = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        after = paging.After,
        before = paging.Before,
        at = paging.At,
    })!;
}
