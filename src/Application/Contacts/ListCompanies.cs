using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record ListCompanies : IStaffRequest, IRequest<IReadOnlyList<CompanyOption>>;

public sealed class ListCompaniesHandler(IReadRepository<Contact> contacts) : IRequestHandler<ListCompanies, IReadOnlyList<CompanyOption>>
{
    public async ValueTask<IReadOnlyList<CompanyOption>> Handle(ListCompanies query, CancellationToken cancellationToken) =>
        await contacts.ListAsync(new CompanyOptionsSpec(), cancellationToken);
}
