using Ardalis.Specification;
using Portal.Domain.Pages;

namespace Portal.Application.Pages;

public sealed class PageByIdSpec : Specification<PortalPage>, ISingleResultSpecification<PortalPage>
{
    public PageByIdSpec(int id) => Query.Where(p => p.Id == id);
}

/// <summary>Another page that already uses <paramref name="slug"/>, for a clear message before the unique index refuses it.</summary>
public sealed class OtherPageWithSlugSpec : Specification<PortalPage>
{
    public OtherPageWithSlugSpec(string slug, int? exceptId)
    {
        Query.Where(p => p.Slug == slug).AsNoTracking();
        if (exceptId is { } id) Query.Where(p => p.Id != id);
    }
}

/// <summary>The reader-facing fields of a published page, found by its address.</summary>
public sealed class PublishedPageBySlugSpec : Specification<PortalPage, PageView>, ISingleResultSpecification<PortalPage, PageView>
{
    public PublishedPageBySlugSpec(string slug)
    {
        Query.Where(p => p.Slug == slug && p.Visibility != PageVisibility.Draft).AsNoTracking();
        Query.Select(p => new PageView(p.Title, p.Slug, p.Kind, p.Language, p.Visibility, p.BodyHtml, p.PublishedOn, p.UpdatedAt));
    }
}
