using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Application.Common;
using Portal.Application.Documents;
using Portal.Domain.Documents;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.Documents;

public sealed class DocumentsIndexModel : KeysetListPageModel
{
    [BindProperty(SupportsGet = true)] public DocumentKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentStatus? Status { get; set; }
    [BindProperty(Name = "contact", SupportsGet = true)] public int? ContactId { get; set; }
    [BindProperty(Name = "from", SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(Name = "to", SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(Name = "overdue", SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(Name = "number", SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentSort Sort { get; set; }
    [BindProperty(Name = "desc", SupportsGet = true)] public bool Descending { get; set; } = true;

    public KeysetPage<DocumentRow> Documents { get; private set; } = null!;
    public string? ContactName { get; private set; }
    public Pager Pager => Pager.For(Documents, paging => LinkTo(paging: paging));

    public async Task OnGetAsync()
    {
        // A hand-edited query string gets the defaults, not an error page; a reversed date range gets a message.
        ModelState.Clear();
        if (Kind is { } kind && !Enum.IsDefined(kind)) Kind = null;
        if (Status is { } status && !Enum.IsDefined(status)) Status = null;
        if (!Enum.IsDefined(Sort)) Sort = DocumentSort.Date;
        Number = string.IsNullOrWhiteSpace(Number) ? null : Number.Trim()[..Math.Min(Number.Trim().Length, Document.NumberMaxLength)];
        var query = new ListDocuments(Kind, Status, ContactId, From, To, Overdue, Number, Sort, Descending, Paging);
        var (succeeded, list) = await TrySendAsync(query, prefix: "");
        if (!succeeded)
        {
            // The page still lists: without the range that could not be read.
            (From, To) = (null, null);
            list = await SendAsync(query with { IssuedFrom = null, IssuedTo = null });
        }
        Documents = list!.Page;
        ContactName = list.ContactName;
    }

    /// <summary>This list with its filters and sort; another sort starts at the first page.</summary>
    public string LinkTo(DocumentSort? sort = null, bool? descending = null, PageRequest? paging = null, bool keepContact = true)
    {
        var query = new Dictionary<string, string?>
        {
            ["kind"] = Kind?.ToString(),
            ["status"] = Status?.ToString(),
            ["contact"] = keepContact ? ContactId?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["overdue"] = Overdue ? "true" : null,
            ["number"] = Number,
            ["sort"] = (sort ?? Sort).ToString(),
            ["desc"] = (descending ?? Descending) ? "true" : "false",
        };
        return QueryHelpers.AddQueryString(Url.Page("/Documents/Index")!,
            query.Concat(Pager.QueryOf(paging ?? PageRequest.First)).Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
