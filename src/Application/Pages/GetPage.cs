using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Pages;
using Portal.Domain.Users;

namespace Portal.Application.Pages;

/// <summary>A page as the back office edits it: the Markdown, the rendered preview, and who may read it.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record GetPage(int Id) : IStaffRequest, IRequest<PageDetails>;

public sealed record PageDetails(
    int Id,
    PortalPageKind Kind,
    string Title,
    string Slug,
    string Language,
    PageVisibility Visibility,
    string BodyMarkdown,
    string BodyHtml,
    DateOnly? PublishedOn,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);

public sealed class GetPageHandler(IReadRepository<PortalPage> pages) : IRequestHandler<GetPage, PageDetails>
{
    public async ValueTask<PageDetails> Handle(GetPage query, CancellationToken cancellationToken) =>
        await pages.FirstOrDefaultAsync(new PageDetailsSpec(query.Id), cancellationToken) ?? throw new NotFoundException("Page");
}

public sealed class PageDetailsSpec : Specification<PortalPage, PageDetails>, ISingleResultSpecification<PortalPage, PageDetails>
{
    public PageDetailsSpec(int id)
    {
        Query.Where(p => p.Id == id).AsNoTracking();
        Query.Select(p => new PageDetails(p.Id, p.Kind, p.Title, p.Slug, p.Language, p.Visibility, p.BodyMarkdown, p.BodyHtml,
            p.PublishedOn, p.UpdatedAt, p.UpdatedBy));
    }
}
