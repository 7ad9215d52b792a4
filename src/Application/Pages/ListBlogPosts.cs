using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Pages;

namespace Portal.Application.Pages;

/// <summary>
/// /blog: published blog posts the reader may open, newest publication date first; a post dated ahead appears on its day.
/// </summary>
public sealed record ListBlogPosts(PageReader Reader, int Page = 1) : IRequest<PagedList<BlogPostItem>>
{
    public const int PageSize = 10;
}

public sealed record BlogPostItem(string Title, string Slug, string Language, PageVisibility Visibility, DateOnly? PublishedOn);

public sealed class ListBlogPostsHandler(IReadRepository<PortalPage> pages, TimeProvider clock)
    : IRequestHandler<ListBlogPosts, PagedList<BlogPostItem>>
{
    public async ValueTask<PagedList<BlogPostItem>> Handle(ListBlogPosts query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await pages.PageAsync(page => new BlogPostsSpec(query.Reader != PageReader.Visitor, page, today), query.Page,
            ListBlogPosts.PageSize, cancellationToken);
    }
}

public sealed class BlogPostsSpec : Specification<PortalPage, BlogPostItem>
{
    public BlogPostsSpec(bool includePortalOnly, int page, DateOnly today)
    {
        Query.Where(PortalPage.DueOn(today));
        if (includePortalOnly)
            Query.Where(p => p.Kind == PortalPageKind.BlogPost
                && (p.Visibility == PageVisibility.Public || p.Visibility == PageVisibility.PortalUsers));
        else
            Query.Where(p => p.Kind == PortalPageKind.BlogPost && p.Visibility == PageVisibility.Public);
        Query.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id)
            .Skip((page - 1) * ListBlogPosts.PageSize).Take(ListBlogPosts.PageSize)
            .AsNoTracking();
        Query.Select(p => new BlogPostItem(p.Title, p.Slug, p.Language, p.Visibility, p.PublishedOn));
    }
}
