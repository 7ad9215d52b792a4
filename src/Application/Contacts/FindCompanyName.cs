using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

/// <summary>A company's name by its id, for a list filtered to it; null when the id is no company's.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record FindCompanyName(int CompanyId) : IStaffRequest, IRequest<string?>;

public sealed class FindCompanyNameHandler(IReadRepository<Contact> contacts) : IRequestHandler<FindCompanyName, string?>
{
    public async ValueTask<string?> Handle(FindCompanyName query, CancellationToken cancellationToken) =>
        await contacts.FirstOrDefaultAsync(new CompanyNameSpec(query.CompanyId), cancellationToken);
}
