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
    DateTimeOffset UpdatedAt);

public abstract record ReadPageResult
{
    public sealed record Readable(PageView Page) : ReadPageResult;
    public sealed record SignInRequired : ReadPageResult;
}

public sealed class ReadPageHandler(IReadRepository<PortalPage> pages) : IRequestHandler<ReadPage, ReadPageResult>
{
    public async ValueTask<ReadPageResult> Handle(ReadPage query, CancellationToken cancellationToken)
    {
        // An address no page could have costs no database round trip.
        if (!PortalPage.IsWellFormedSlug(query.Slug)) throw new NotFoundException("Page");
        var page = await pages.FirstOrDefaultAsync(new PublishedPageBySlugSpec(query.Slug!), cancellationToken)
            ?? throw new NotFoundException("Page");
        if (page.Visibility == PageVisibility.PortalUsers && query.Reader == PageReader.Visitor)
            return new ReadPageResult.SignInRequired();
        return new ReadPageResult.Readable(page);
    }
}
