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

/// <summary>
/// The reader-facing fields of a published page, found by its address; a post scheduled for a later day is not found yet.
/// </summary>
public sealed class PublishedPageBySlugSpec : Specification<PortalPage, PageView>, ISingleResultSpecification<PortalPage, PageView>
{
    public PublishedPageBySlugSpec(string slug, DateOnly today)
    {
        Query.Where(p => p.Slug == slug && p.Visibility != PageVisibility.Draft).Where(PortalPage.DueOn(today)).AsNoTracking();
        Query.Select(p => new PageView(p.Title, p.Slug, p.Kind, p.Language, p.Visibility, p.BodyHtml, p.PublishedOn, p.UpdatedAt,
            p.RenderedWith));
    }
}

/// <summary>A page's Markdown, for rendering it at read time when its stored HTML was made under other settings.</summary>
public sealed class PageMarkdownBySlugSpec : Specification<PortalPage, string>, ISingleResultSpecification<PortalPage, string>
{
    public PageMarkdownBySlugSpec(string slug)
    {
        Query.Where(p => p.Slug == slug).AsNoTracking();
        Query.Select(p => p.BodyMarkdown);
    }
}

/// <summary>Pages whose HTML was made under other renderer settings than <paramref name="settings"/>, a batch at a time.</summary>
public sealed class PagesRenderedWithOtherSettingsSpec : Specification<PortalPage>
{
    public PagesRenderedWithOtherSettingsSpec(string settings, int batchSize) =>
        Query.Where(p => p.RenderedWith != settings).OrderBy(p => p.Id).Take(batchSize);
}
