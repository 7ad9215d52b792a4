using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Pages;
using Portal.Domain.Users;

namespace Portal.Application.Pages;

/// <summary>The back office's list of every page and blog post, drafts included, most recently changed first.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListPages(int Page = 1) : IRequest<PagedList<PageListItem>>
{
    public const int PageSize = 50;
}

public sealed record PageListItem(
    int Id,
    string Title,
    string Slug,
    PortalPageKind Kind,
    string Language,
    PageVisibility Visibility,
    DateOnly? PublishedOn,
    DateTimeOffset UpdatedAt);

public sealed class ListPagesHandler(IReadRepository<PortalPage> pages) : IRequestHandler<ListPages, PagedList<PageListItem>>
{
    public async ValueTask<PagedList<PageListItem>> Handle(ListPages query, CancellationToken cancellationToken)
    {
        return await pages.PageAsync(page => new PageListSpec(page), query.Page, ListPages.PageSize, cancellationToken);
    }
}

public sealed class PageListSpec : Specification<PortalPage, PageListItem>
{
    public PageListSpec(int page)
    {
        Query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * ListPages.PageSize).Take(ListPages.PageSize)
            .AsNoTracking();
        Query.Select(p => new PageListItem(p.Id, p.Title, p.Slug, p.Kind, p.Language, p.Visibility, p.PublishedOn, p.UpdatedAt));
    }
}
