using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

/// <summary>The id of the contact another system knows by <see cref="ExternalReference"/>, or none.</summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record FindContactByReference(string ExternalReference) : IStaffRequest, IRequest<int?>;

public sealed class FindContactByReferenceHandler(IReadRepository<Contact> contacts) : IRequestHandler<FindContactByReference, int?>
{
    public async ValueTask<int?> Handle(FindContactByReference query, CancellationToken cancellationToken) =>
        await contacts.FirstOrDefaultAsync(new ContactIdByReferenceSpec(query.ExternalReference.Trim()), cancellationToken);
}

public sealed class ContactIdByReferenceSpec : SingleResultSpecification<Contact, int?>
{
    public ContactIdByReferenceSpec(string reference)
    {
        Query.Where(c => c.ExternalReference == reference).AsNoTracking();
        Query.Select(c => (int?)c.Id);
    }
}
