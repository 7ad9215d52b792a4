using Mediator;
using Portal.Application.Common;
using Portal.Domain.Pages;

namespace Portal.Application.Pages;

/// <summary>Who is reading the site: nobody signed in, a customer, or someone of the back office.</summary>
public enum PageReader { Visitor, PortalUser, Staff }

/// <summary>
/// A page at /pages/{slug} as the site shows it. Drafts and unknown addresses don't exist on the site, for
/// anyone (the back office previews drafts on its own pages); a portal-only page asks a visitor to sign in.
/// </summary>
public sealed record ReadPage(string? Slug, PageReader Reader) : IRequest<ReadPageResult>;

public sealed record PageView(
    string Title,
    string Slug,
    PortalPageKind Kind,
    string Language,
    PageVisibility Visibility,
    string BodyHtml,
    DateOnly? PublishedOn,
    DateTimeOffset UpdatedAt,
    string RenderedWith);

public abstract record ReadPageResult
{
    public sealed record Readable(PageView Page) : ReadPageResult;
    public sealed record SignInRequired : ReadPageResult;
}

public sealed class ReadPageHandler(IReadRepository<PortalPage> pages, IMarkdownRenderer renderer, TimeProvider clock)
    : IRequestHandler<ReadPage, ReadPageResult>
{
    public async ValueTask<ReadPageResult> Handle(ReadPage query, CancellationToken cancellationToken)
    {
        // An address no page could have costs no database round trip.
        if (!PortalPage.IsWellFormedSlug(query.Slug)) throw new NotFoundException("Page");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var page = await pages.FirstOrDefaultAsync(new PublishedPageBySlugSpec(query.Slug!, today), cancellationToken)
            ?? throw new NotFoundException("Page");
        if (page.Visibility == PageVisibility.PortalUsers && query.Reader == PageReader.Visitor)
            return new ReadPageResult.SignInRequired();
        if (page.RenderedWith != renderer.Settings)
        {
            // Stored under other sanitiser settings and not yet rendered again by housekeeping (StalePages): what readers
            // get follows the settings this instance runs with, never the stored HTML.
            var markdown = await pages.FirstOrDefaultAsync(new PageMarkdownBySlugSpec(page.Slug), cancellationToken) ?? "";
            page = page with { BodyHtml = renderer.ToSafeHtml(markdown), RenderedWith = renderer.Settings };
        }
        return new ReadPageResult.Readable(page);
    }
}
