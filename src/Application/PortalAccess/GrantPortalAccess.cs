using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Application.Settings;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Grants a contact portal access: the e-mail (possibly corrected in the wizard) becomes the login, and the
/// invitation mail goes into the outbox in the same transaction. A company's person may become its administrator at once.
/// </summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record GrantPortalAccess(int ContactId, string? Email, string? WelcomeMessage, bool CompanyAdministrator = false)
    : IStaffRequest, IRequest<Unit>;

public sealed class GrantPortalAccessValidator : AbstractValidator<GrantPortalAccess>
{
    public const int WelcomeMessageMaxLength = 2000;

    public GrantPortalAccessValidator()
    {
        RuleFor(c => c.Email).MaximumLength(EmailAddress.MaxLength).WithMessage(ContactValidation.TooLong);
        RuleFor(c => c.WelcomeMessage).MaximumLength(WelcomeMessageMaxLength).WithMessage(ContactValidation.TooLong);
    }
}

public sealed class GrantPortalAccessHandler(InvitationTermsSource invitations, IUnitOfWork unitOfWork)
    : IRequestHandler<GrantPortalAccess, Unit>
{
    public async ValueTask<Unit> Handle(GrantPortalAccess command, CancellationToken cancellationToken)
    {
        var (contact, terms) = await invitations.ForAsync(command.ContactId, command.Email, cancellationToken);
        terms.GrantTo(contact, command.WelcomeMessage);
        if (command.CompanyAdministrator) contact.MakeCompanyAdministrator(terms.Now, terms.Actor);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
