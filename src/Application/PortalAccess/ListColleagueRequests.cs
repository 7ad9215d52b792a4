using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>The back office's list of company administrators' requests for a colleague's access that wait for staff, oldest first.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListColleagueRequests(PageRequest? Paging = null) : IStaffRequest, IRequest<KeysetPage<ColleagueRequestItem>>
{
    public const int PageSize = 50;
}

public sealed record ColleagueRequestItem(
    int Id,
    int CompanyId,
    string CompanyName,
    string Name,
    string Email,
    string Language,
    string RequesterName,
    string RequesterEmail,
    DateTimeOffset RequestedAt);

public sealed class ListColleagueRequestsHandler(IReadRepository<ColleagueRequest> requests, IListCounter counter)
    : IRequestHandler<ListColleagueRequests, KeysetPage<ColleagueRequestItem>>
{
    public async ValueTask<KeysetPage<ColleagueRequestItem>> Handle(ListColleagueRequests query, CancellationToken cancellationToken) =>
        await requests.KeysetPageAsync(PendingColleagueRequestsListSpec.Order, query.Paging ?? PageRequest.First,
            ListColleagueRequests.PageSize, position => new PendingColleagueRequestsListSpec(position), counter, filtered: true,
            cancellationToken);
}

public sealed class PendingColleagueRequestsListSpec : Specification<ColleagueRequest, ColleagueRequestItem>
{
    public static KeysetOrder<ColleagueRequest, ColleagueRequestItem> Order { get; } =
        new KeysetOrder<ColleagueRequest, ColleagueRequestItem>("colleague-requests", descending: false)
            .By(r => r.RequestedAt, r => r.RequestedAt).By(r => r.Id, r => r.Id);

    public PendingColleagueRequestsListSpec(KeysetPosition position)
    {
        Query.Where(r => r.Status == ColleagueRequestStatus.Pending).AsNoTracking();
        Order.Apply(Query, position, ListColleagueRequests.PageSize + 1);
        Query.Select(r => new ColleagueRequestItem(r.Id, r.CompanyId, r.Company.Name, r.Name, r.Email, r.Language,
            r.RequesterName, r.RequesterEmail, r.RequestedAt));
    }
}
