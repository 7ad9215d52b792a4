using Microsoft.AspNetCore.Mvc;
using Portal.Application.Activity;
using Portal.Domain.Activity;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Activity;

public sealed class ActivityModel : PortalPageModel
{
    [BindProperty(Name = "staff", SupportsGet = true)] public int? StaffMemberId { get; set; }
    [BindProperty(Name = "contactId", SupportsGet = true)] public int? ContactId { get; set; }
    [BindProperty(Name = "contact", SupportsGet = true)] public string? Contact { get; set; }
    [BindProperty(Name = "kind", SupportsGet = true)] public ActivityKind? Kind { get; set; }
    [BindProperty(Name = "from", SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(Name = "to", SupportsGet = true)] public DateOnly? To { get; set; }
    // "page" is the route value Razor Pages itself uses to pick the page, so the number goes by another name.
    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ActivityPage Activity { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        // A filter that can't be read (a typed-in date like "yesterday") is dropped with a note, not answered with an error.
        var unreadable = !ModelState.IsValid;
        ModelState.Clear();
        if (unreadable) ModelState.AddModelError(string.Empty, T["Some filters could not be read and were left out."]);
        if (Kind is { } kind && !Enum.IsDefined(kind)) Kind = null;
        if (Contact?.Length > ListActivity.ContactSearchMaxLength) Contact = Contact[..ListActivity.ContactSearchMaxLength];
        if (From is { } from && To is { } to && to < from) (From, To) = (to, from);
        Activity = await SendAsync(new ListActivity(StaffMemberId, ContactId, Contact, Kind, From, To, Math.Max(1, PageNumber)));
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int page) => Url.Page("/Activity/Index", new
    {
        area = "Admin",
        staff = StaffMemberId,
        contactId = ContactId,
        contact = Contact,
        kind = Kind,
        from = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        to = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        p = page,
    })!;
}
