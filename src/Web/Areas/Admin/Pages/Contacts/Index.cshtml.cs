using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.Contacts;

public sealed class ContactsIndexModel : KeysetListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AccessFilter Access { get; set; }
    /// <summary>Only this company and its people, as the dashboard's links ask for.</summary>
    [BindProperty(SupportsGet = true)] public int? Company { get; set; }
    [BindProperty(SupportsGet = true)] public ContactSort Sort { get; set; }
    [BindProperty(Name = "desc", SupportsGet = true)] public bool Descending { get; set; }

    public KeysetPage<ContactListItem> Contacts { get; private set; } = null!;
    public string? CompanyName { get; private set; }
    public Pager Pager => Pager.For(Contacts, paging => LinkTo(paging: paging));

    public async Task OnGetAsync()
    {
        // A hand-edited query string gets the defaults, not an error page.
        ModelState.Clear();
        if (!Enum.IsDefined(Access)) Access = AccessFilter.All;
        if (!Enum.IsDefined(Sort)) Sort = ContactSort.Name;
        if (Company is { } companyId)
        {
            CompanyName = await SendAsync(new FindCompanyName(companyId));
            // An id that is no company's lists nothing; say so rather than show every contact.
            if (CompanyName is null) ModelState.AddModelError(string.Empty, T["There is no company with this number."]);
        }
        Contacts = await SendAsync(new ListContacts(Q, Access, Sort, Descending, Paging, CompanyId: Company));
    }

    /// <summary>This list with its search, filter and sort; another sort starts at the first page.</summary>
    public string LinkTo(ContactSort? sort = null, bool? descending = null, PageRequest? paging = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["access"] = Access.ToString(),
            ["company"] = Company?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = (sort ?? Sort).ToString(),
            ["desc"] = (descending ?? Descending) ? "true" : "false",
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Url.Page("/Contacts/Index")!,
            query.Concat(Pager.QueryOf(paging ?? PageRequest.First)).Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
