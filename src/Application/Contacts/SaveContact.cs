using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.Contacts;

/// <summary>
/// Creates a contact (Id null) or changes one. The e-mail of a contact with accepted access stays as it is. With
/// <see cref="UnchangedSince"/> (the <c>UpdatedAt</c> the caller read), a change made by someone else since is refused as a clash.
/// </summary>
[RequiresPermission(StaffPermission.ManageContacts)]
public sealed record SaveContact(
    int? Id,
    ContactKind Kind,
    string? Email,
    int? CompanyId,
    ContactDetails Details,
    string? ExternalReference = null,
    DateTimeOffset? UnchangedSince = null) : IStaffRequest, IRequest<int>;

public sealed class SaveContactValidator : AbstractValidator<SaveContact>
{
    public const string ContactKindInvalid = "Please choose person or company.";

    public SaveContactValidator()
    {
        this.AddDetailRules(c => c.Details);
        RuleFor(c => c.Email).ValidOptionalEmail().MaximumLength(EmailAddress.MaxLength).WithMessage(ContactValidation.TooLong);
        RuleFor(c => c.ExternalReference).MaximumLength(Contact.ExternalReferenceMaxLength).WithMessage(ContactValidation.TooLong)
            .Must(PlainText.IsOneVisibleLine).WithMessage(ContactValidation.ReferenceNotPlain);
        RuleFor(c => c.Kind).IsInEnum().WithMessage(ContactKindInvalid);
        RuleFor(c => c.CompanyId).Null().When(c => c.Kind == ContactKind.Company)
            .WithMessage(DomainErrors.CompanyCannotBelongToACompany.Message);
    }
}

public sealed class SaveContactHandler(IRepository<Contact> contacts, ICurrentUser currentUser, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<SaveContact, int>
{
    public async ValueTask<int> Handle(SaveContact command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Contact? company = null;
        if (command.CompanyId is { } companyId)
        {
            company = await contacts.FirstOrDefaultAsync(new CompanyByIdSpec(companyId), cancellationToken)
                ?? throw new ValidationException([
                    new FluentValidation.Results.ValidationFailure(
                        nameof(SaveContact.CompanyId), DomainErrors.CompanyMustBeACompany.Message),
                ]);
        }

        if (!string.IsNullOrWhiteSpace(command.ExternalReference)
            && await contacts.FirstOrDefaultAsync(new ContactByExternalReferenceSpec(command.ExternalReference.Trim()), cancellationToken)
                is { } holder && holder.Id != command.Id)
        {
            throw new ValidationException([
                new FluentValidation.Results.ValidationFailure(nameof(SaveContact.ExternalReference), ContactValidation.ReferenceTaken),
            ]);
        }

        Contact contact;
        if (command.Id is { } id)
        {
            contact = await contacts.FirstOrDefaultAsync(new ContactWithAccessSpec(id), cancellationToken)
                ?? throw new NotFoundException("Contact");
            ConflictException.ThrowIfChangedSince(command.UnchangedSince, contact.UpdatedAt);
            if (company?.Id == contact.Id) throw new DomainException(DomainErrors.CompanyCannotBelongToACompany);
            contact.UpdateDetails(command.Details, now);
            contact.MoveToCompany(company, now, currentUser.ActorName);
            contact.ChangeEmail(command.Email, now);
        }
        else
        {
            contact = command.Kind == ContactKind.Company
                ? Contact.CreateCompany(command.Details, command.Email, now)
                : Contact.CreatePerson(command.Details, command.Email, company, now);
            await contacts.AddAsync(contact, cancellationToken);
        }
        contact.ChangeExternalReference(command.ExternalReference, now);

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return contact.Id;
    }
}
