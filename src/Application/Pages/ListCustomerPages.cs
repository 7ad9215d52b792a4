using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Pages;

namespace Portal.Application.Pages;

/// <summary>
/// The pages released to portal users only, for their "For customers" menu and My Account. Asked on every page a
/// customer opens, so it comes from the instance's copy (<see cref="ICustomerPageLinks"/>), which is one untracked query
/// on the (Visibility, Kind, …) index, reading two short columns.
/// </summary>
public sealed record ListCustomerPages : IRequest<IReadOnlyList<CustomerPageLink>>
{
    /// <summary>A menu, not an archive: more than this belongs on a page of its own.</summary>
    public const int MaxLinks = 50;
}

public sealed record CustomerPageLink(string Title, string Slug, string Language);

public sealed class ListCustomerPagesHandler(ICustomerPageLinks links)
    : IRequestHandler<ListCustomerPages, IReadOnlyList<CustomerPageLink>>
{
    public ValueTask<IReadOnlyList<CustomerPageLink>> Handle(ListCustomerPages query, CancellationToken cancellationToken) =>
        links.CurrentAsync(cancellationToken);
}

public sealed class CustomerPagesSpec : Specification<PortalPage, CustomerPageLink>
{
    public CustomerPagesSpec()
    {
        Query.Where(p => p.Visibility == PageVisibility.PortalUsers && p.Kind == PortalPageKind.Page)
            .OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Take(ListCustomerPages.MaxLinks)
            .AsNoTracking();
        Query.Select(p => new CustomerPageLink(p.Title, p.Slug, p.Language));
    }
}
