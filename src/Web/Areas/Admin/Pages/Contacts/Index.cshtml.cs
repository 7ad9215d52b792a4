using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Contacts;

public sealed class ContactsIndexModel : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AccessFilter Access { get; set; }
    [BindProperty(SupportsGet = true)] public ContactSort Sort { get; set; }
    [BindProperty(Name = "desc", SupportsGet = true)] public bool Descending { get; set; }
    // From the query only: "page" is also the route value Razor Pages uses to pick the page.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedList<ContactListItem> Contacts { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        // A hand-edited query string gets the defaults, not an error page.
        ModelState.Clear();
        if (!Enum.IsDefined(Access)) Access = AccessFilter.All;
        if (!Enum.IsDefined(Sort)) Sort = ContactSort.Name;
        Contacts = await SendAsync(new ListContacts(Q, Access, Sort, Descending, Math.Max(1, PageNumber)));
    }

    public string LinkTo(ContactSort? sort = null, bool? descending = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["access"] = Access.ToString(),
            ["sort"] = (sort ?? Sort).ToString(),
            ["desc"] = (descending ?? Descending) ? "true" : "false",
            ["page"] = (page ?? Contacts.Page).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Url.Page("/Contacts/Index")!,
            query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
