using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Pages;
using Portal.Domain.Users;

namespace Portal.Application.Pages;

/// <summary>The back office's list of every page and blog post, drafts included, most recently changed first.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListPages(int Page = 1) : IStaffRequest, IRequest<PagedList<PageListItem>>
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
    DateTimeOffset UpdatedAt,
    bool IsScheduled);

public sealed class ListPagesHandler(IReadRepository<PortalPage> pages, TimeProvider clock)
    : IRequestHandler<ListPages, PagedList<PageListItem>>
{
    public async ValueTask<PagedList<PageListItem>> Handle(ListPages query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await pages.PageAsync(page => new PageListSpec(page, today), query.Page, ListPages.PageSize, cancellationToken);
    }
}

/// <summary>Every page, most recently changed first; <see cref="PageListItem.IsScheduled"/> as <see cref="PortalPage.IsScheduledOn"/>.</summary>
public sealed class PageListSpec : Specification<PortalPage, PageListItem>
{
    public PageListSpec(int page, DateOnly today)
    {
        Query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * ListPages.PageSize).Take(ListPages.PageSize)
            .AsNoTracking();
        Query.Select(p => new PageListItem(p.Id, p.Title, p.Slug, p.Kind, p.Language, p.Visibility, p.PublishedOn, p.UpdatedAt,
            p.Visibility != PageVisibility.Draft && p.PublishedOn > today));
    }
}
