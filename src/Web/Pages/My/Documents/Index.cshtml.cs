using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Application.Common;
using Portal.Application.Documents;
using Portal.Domain.Documents;
using Portal.Web.Infrastructure.Access;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Pages.My.Documents;

[MyAccountSectionPage(Portal.Application.Settings.MyAccountSection.Documents)]
public sealed class MyDocumentsModel : KeysetListPageModel
{
    [BindProperty(SupportsGet = true)] public DocumentKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public MyDocumentSort Sort { get; set; }
    [BindProperty(Name = "desc", SupportsGet = true)] public bool Descending { get; set; } = true;
    [BindProperty(Name = "number", SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(Name = "overdue", SupportsGet = true)] public bool Overdue { get; set; }

    /// <summary>The ticked documents for the ZIP download; only ids, so the query decides what the customer gets.</summary>
    [BindProperty(Name = "ids")] public List<int> SelectedIds { get; set; } = [];

    public KeysetPage<MyDocumentListItem> Documents { get; private set; } = null!;
    public Pager Pager => Pager.For(Documents, paging => LinkTo(paging: paging));

    /// <summary>The statuses a customer can come across: every one but draft.</summary>
    public static IReadOnlyList<DocumentStatus> VisibleStatuses { get; } =
        Enum.GetValues<DocumentStatus>().Where(s => s != DocumentStatus.Draft).ToList();

    /// <summary>Where the ZIP form posts: this list as it is shown, so a refusal shows the same page with its message.</summary>
    public string ZipAction => QueryHelpers.AddQueryString(LinkTo(paging: Paging), "handler", "Zip");

    public async Task OnGetAsync()
    {
        // A hand-edited query string gets the defaults, not an error page.
        ModelState.Clear();
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostZipAsync()
    {
        // Filters from a hand-edited address get their defaults, as on GET; the refusals that count come from the query.
        ModelState.Clear();
        var (succeeded, archive) = await TrySendAsync(new DownloadMyDocumentPdfs(SelectedIds), prefix: "");
        if (succeeded && archive is not null)
        {
            Response.Headers.CacheControl = "no-store";
            return File(archive.Content, "application/zip", archive.FileName);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        if (Kind is { } kind && !Enum.IsDefined(kind)) Kind = null;
        if (Status is { } status && (!Enum.IsDefined(status) || status == DocumentStatus.Draft)) Status = null;
        if (!Enum.IsDefined(Sort)) Sort = MyDocumentSort.Date;
        Number = string.IsNullOrWhiteSpace(Number) ? null : Number.Trim()[..Math.Min(Number.Trim().Length, Document.NumberMaxLength)];
        Documents = await SendAsync(new ListMyDocuments(Kind, Status, Sort, Descending, Paging, Number, Overdue));
    }

    /// <summary>This list with its filters and sort; another sort starts at the first page.</summary>
    public string LinkTo(MyDocumentSort? sort = null, bool? descending = null, PageRequest? paging = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["kind"] = Kind?.ToString(),
            ["status"] = Status?.ToString(),
            ["number"] = Number,
            ["overdue"] = Overdue ? "true" : null,
            ["sort"] = (sort ?? Sort).ToString(),
            ["desc"] = (descending ?? Descending) ? "true" : "false",
        };
        return QueryHelpers.AddQueryString(Url.Page("/My/Documents/Index")!,
            query.Concat(Pager.QueryOf(paging ?? PageRequest.First)).Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
