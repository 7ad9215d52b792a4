using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Application.Settings;
using Portal.Domain.Common;
using Portal.Domain.Contacts;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// A company administrator edits the company's details, with the contact form's rules, where the business allows it in
/// Settings. Recorded in the activity list as the customer's change.
/// </summary>
[RequiresCompanyAdministrator]
public sealed record UpdateMyCompanyDetails(ContactDetails Details, string? Email) : ICompanyAdministratorRequest, IRequest<Unit>;

public sealed class UpdateMyCompanyDetailsValidator : AbstractValidator<UpdateMyCompanyDetails>
{
    public UpdateMyCompanyDetailsValidator()
    {
        this.AddDetailRules(c => c.Details);
        RuleFor(c => c.Email).ValidOptionalEmail().MaximumLength(EmailAddress.MaxLength).WithMessage(ContactValidation.TooLong);
    }
}

public sealed class UpdateMyCompanyDetailsHandler(
    CompanyAdministratorContext administrator,
    IPortalSettings settings,
    IRepository<Contact> contacts,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<UpdateMyCompanyDetails, Unit>
{
    public async ValueTask<Unit> Handle(UpdateMyCompanyDetails command, CancellationToken cancellationToken)
    {
        if (!(await settings.CurrentAsync(cancellationToken)).CompanyAdministratorsEditDetails)
            throw new DomainException(DomainErrors.CompanyDetailsReadOnly);
        var company = await contacts.FirstOrDefaultAsync(new CompanyByIdSpec(administrator.Current.CompanyId), cancellationToken)
            ?? throw new NotFoundException("Company");
        company.ChangeCompanyDetails(command.Details, command.Email, clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
