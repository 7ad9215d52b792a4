using Ardalis.Specification;
using FluentValidation;
using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>
/// An admin changes an active portal user's e-mail address. It is the customer's login, so it works exactly
/// like the customer's own request: a link to the new address, a notice to the old one, nothing changes before
/// the link is confirmed. The admin needs no password; the history records who asked.
/// </summary>
[RequiresPermission(StaffPermission.ManageContacts)]
public sealed record RequestContactEmailChange(int ContactId, string NewEmail) : IStaffRequest, IRequest<Unit>;

public sealed class RequestContactEmailChangeValidator : AbstractValidator<RequestContactEmailChange>
{
    public RequestContactEmailChangeValidator() =>
        RuleFor(c => c.NewEmail).NotEmpty().WithMessage(MySecurity.RequestMyEmailChangeValidator.NewEmailRequired)
            .MaximumLength(EmailAddress.MaxLength).WithMessage(ContactValidation.TooLong)
            .ValidOptionalEmail();
}

public sealed class RequestContactEmailChangeHandler(
    IRepository<Contact> contacts,
    EmailChangeRequests emailChanges,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork) : IRequestHandler<RequestContactEmailChange, Unit>
{
    public async ValueTask<Unit> Handle(RequestContactEmailChange command, CancellationToken cancellationToken)
    {
        var contact = await contacts.FirstOrDefaultAsync(new ContactForEmailChangeSpec(command.ContactId), cancellationToken)
            ?? throw new NotFoundException("Contact");
        var user = contact.PortalUser ?? throw new DomainException(DomainErrors.EmailChangeNeedsActiveAccess);
        await emailChanges.StartAsync(user, command.NewEmail, currentUser.ActorName, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

public sealed class ContactForEmailChangeSpec : Specification<Contact>, ISingleResultSpecification<Contact>
{
    public ContactForEmailChangeSpec(int contactId) =>
        Query.Where(c => c.Id == contactId)
            .Include(c => c.PortalUser!).ThenInclude(u => u.Tokens)
            .Include(c => c.PortalUser!).ThenInclude(u => u.History)
            .AsSplitQuery();
}
