using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Application.Common;
using Portal.Application.Documents;
using Portal.Domain.Documents;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.My.Documents;

[MyAccountSectionPage(Portal.Application.Settings.MyAccountSection.Documents)]
public sealed class MyDocumentsModel : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public DocumentKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public MyDocumentSort Sort { get; set; }
    [BindProperty(Name = "desc", SupportsGet = true)] public bool Descending { get; set; } = true;
    // "page" is also a route value in Razor Pages (the page's name), so the number is read from the query string only.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedList<MyDocumentListItem> Documents { get; private set; } = null!;

    /// <summary>The statuses a customer can come across: every one but draft.</summary>
    public static IReadOnlyList<DocumentStatus> VisibleStatuses { get; } =
        Enum.GetValues<DocumentStatus>().Where(s => s != DocumentStatus.Draft).ToList();

    public async Task OnGetAsync()
    {
        // A hand-edited query string gets the defaults, not an error page.
        ModelState.Clear();
        if (Kind is { } kind && !Enum.IsDefined(kind)) Kind = null;
        if (Status is { } status && (!Enum.IsDefined(status) || status == DocumentStatus.Draft)) Status = null;
        if (!Enum.IsDefined(Sort)) Sort = MyDocumentSort.Date;
        Documents = await SendAsync(new ListMyDocuments(Kind, Status, Sort, Descending, Math.Max(1, PageNumber)));
    }

    public string LinkTo(MyDocumentSort? sort = null, bool? descending = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["kind"] = Kind?.ToString(),
            ["status"] = Status?.ToString(),
            ["sort"] = (sort ?? Sort).ToString(),
            ["desc"] = (descending ?? Descending) ? "true" : "false",
            ["page"] = (page ?? Documents.Page).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(Url.Page("/My/Documents/Index")!, query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
