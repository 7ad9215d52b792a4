using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

/// <summary>Makes a person a member of a company contact, or of none (<see cref="CompanyId"/> null); nothing else changes.</summary>
[RequiresPermission(StaffPermission.ManageContacts)]
public sealed record LinkContactToCompany(int ContactId, int? CompanyId) : IStaffRequest, IRequest<Unit>;

public sealed class LinkContactToCompanyHandler(IRepository<Contact> contacts, ICurrentUser currentUser, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<LinkContactToCompany, Unit>
{
    public async ValueTask<Unit> Handle(LinkContactToCompany command, CancellationToken cancellationToken)
    {
        var contact = await contacts.FirstOrDefaultAsync(new ContactWithAccessSpec(command.ContactId), cancellationToken)
            ?? throw new NotFoundException("Contact");
        Contact? company = null;
        if (command.CompanyId is { } companyId)
        {
            if (companyId == contact.Id) throw new DomainException(DomainErrors.CompanyCannotBelongToACompany);
            company = await contacts.GetByIdAsync(companyId, cancellationToken) ?? throw new NotFoundException("Company");
        }
        contact.MoveToCompany(company, clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
