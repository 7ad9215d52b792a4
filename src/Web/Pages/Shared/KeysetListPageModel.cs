using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.Shared;

/// <summary>
/// A page that shows a keyset-paged list: where in the list its address points (<c>?after=</c>, <c>?before=</c>,
/// <c>?at=last</c>, the names <see cref="Pager.QueryOf"/> writes), read from the query string only.
/// </summary>
public abstract class KeysetListPageModel : PortalPageModel
{
    [FromQuery(Name = "after")] public string? After { get; set; }
    [FromQuery(Name = "before")] public string? Before { get; set; }
    [FromQuery(Name = "at")] public string? At { get; set; }

    protected PageRequest Paging => new(After, Before, At);
}
