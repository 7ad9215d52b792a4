using Ardalis.Specification;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.Users;

namespace Portal.Application.Documents;

/// <summary>
/// Creates a draft document for a contact (Id null) or revises a draft. The kind is fixed once created. With
/// <see cref="UnchangedSince"/> (the <c>UpdatedAt</c> the caller read), a change made by someone else since is refused as a clash.
/// </summary>
[RequiresPermission(StaffPermission.ManageDocuments)]
public sealed record SaveDocument(
    int? Id,
    int ContactId,
    DocumentKind Kind,
    string? Number,
    DateOnly? IssuedOn,
    DateOnly? DueOn,
    string? Currency,
    IReadOnlyList<DocumentLineItem> Lines,
    DateTimeOffset? UnchangedSince = null) : IStaffRequest, IRequest<int>;

public sealed class SaveDocumentValidator : AbstractValidator<SaveDocument>
{
    public const string IssuedOnRequired = "Please enter the document date.";
    public const string ContactUnknown = "There is no contact with this id.";

    public SaveDocumentValidator()
    {
        RuleFor(d => d.Kind).IsInEnum().WithMessage(DomainErrors.DocumentKindUnknown.Message);
        RuleFor(d => d.Number).NotEmpty().WithMessage(DomainErrors.DocumentNumberInvalid)
            .MaximumLength(Document.NumberMaxLength).WithMessage(DomainErrors.DocumentNumberInvalid);
        RuleFor(d => d.IssuedOn).NotNull().WithMessage(IssuedOnRequired);
        RuleFor(d => d.DueOn).Null().When(d => d.Kind != DocumentKind.Invoice)
            .WithMessage(DomainErrors.DocumentDueDateOnlyForInvoices.Message);
        RuleFor(d => d.DueOn).GreaterThanOrEqualTo(d => d.IssuedOn).When(d => d.DueOn is not null && d.IssuedOn is not null)
            .WithMessage(DomainErrors.DocumentDueBeforeIssued.Message);
        RuleFor(d => d.Currency).Must(c => Currencies.IsKnown(c?.Trim().ToUpperInvariant()))
            .WithMessage(DomainErrors.DocumentCurrencyUnknown.Message);
        RuleFor(d => d.Lines).NotEmpty().WithMessage(DomainErrors.DocumentNeedsLines.Message)
            .Must(l => l.Count <= Document.MaxLines).WithMessage(DomainErrors.DocumentTooManyLines);
        RuleForEach(d => d.Lines).SetValidator(new DocumentLineItemValidator());
    }
}

/// <summary>The line rules of <see cref="DocumentLine"/>, checked first so each refusal lands next to its row.</summary>
public sealed class DocumentLineItemValidator : AbstractValidator<DocumentLineItem>
{
    public DocumentLineItemValidator()
    {
        RuleFor(l => l.Description).NotEmpty().MaximumLength(DocumentLine.DescriptionMaxLength)
            .WithMessage(DomainErrors.DocumentLineDescriptionInvalid);
        RuleFor(l => l.Quantity).Must(q => q > 0 && q <= DocumentLine.MaxQuantity && q == Math.Round(q, DocumentLine.MaxDecimalPlaces))
            .WithMessage(DomainErrors.DocumentLineQuantityInvalid);
        RuleFor(l => l.UnitPrice).Must(DocumentLine.IsValidUnitPrice)
            .WithMessage(DomainErrors.DocumentLineUnitPriceInvalid);
        RuleFor(l => l.TaxRate).Must(r => r >= 0 && r <= 100 && r == Math.Round(r, DocumentLine.MaxDecimalPlaces))
            .WithMessage(DomainErrors.DocumentLineTaxRateInvalid.Message);
    }
}

public sealed class SaveDocumentHandler(
    IRepository<Document> documents,
    IReadRepository<Contact> contacts,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    TimeProvider clock)
    : IRequestHandler<SaveDocument, int>
{
    public async ValueTask<int> Handle(SaveDocument command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var number = command.Number!.Trim();
        Document document;
        if (command.Id is { } id)
        {
            document = await documents.FirstOrDefaultAsync(new DocumentWithLinesSpec(id), cancellationToken)
                ?? throw new NotFoundException("Document");
            ConflictException.ThrowIfChangedSince(command.UnchangedSince, document.UpdatedAt);
            await EnsureNumberIsFreeAsync(document.Kind, number, id, cancellationToken);
            document.Revise(number, command.IssuedOn!.Value, command.DueOn, command.Currency!, command.Lines, now,
                currentUser.ActorName);
        }
        else
        {
            // The contact is part of the input (the API sends it in the body), so an unknown one is a mistake in that field.
            if (!await contacts.AnyAsync(new ContactExistsSpec(command.ContactId), cancellationToken))
                throw new ValidationException([new ValidationFailure(nameof(SaveDocument.ContactId), SaveDocumentValidator.ContactUnknown)]);
            await EnsureNumberIsFreeAsync(command.Kind, number, null, cancellationToken);
            document = Document.Create(command.ContactId, command.Kind, number, command.IssuedOn!.Value, command.DueOn, command.Currency!,
                command.Lines, now, currentUser.ActorName);
            await documents.AddAsync(document, cancellationToken);
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException e) when (e.IsDuplicate)
        {
            // The unique index on (kind, number) is the only constraint this save can break: someone took the number meanwhile.
            // Any other conflict is a save from a version someone else has replaced, and stays one.
            throw NumberTaken();
        }
        return document.Id;
    }

    private async Task EnsureNumberIsFreeAsync(DocumentKind kind, string number, int? exceptId, CancellationToken cancellationToken)
    {
        if (await documents.AnyAsync(new DocumentNumberSpec(kind, number, exceptId), cancellationToken)) throw NumberTaken();
    }

    private static ValidationException NumberTaken() =>
        new([new ValidationFailure(nameof(SaveDocument.Number), DomainErrors.DocumentNumberTaken.Message)]);
}

public sealed class DocumentWithLinesSpec : Specification<Document>, ISingleResultSpecification<Document>
{
    public DocumentWithLinesSpec(int id) => Query.Where(d => d.Id == id).Include(d => d.Lines);
}

public sealed class DocumentWithPdfSpec : Specification<Document>, ISingleResultSpecification<Document>
{
    public DocumentWithPdfSpec(int id) => Query.Where(d => d.Id == id).Include(d => d.Pdf);
}

public sealed class DocumentNumberSpec : Specification<Document>
{
    public DocumentNumberSpec(DocumentKind kind, string number, int? exceptId)
    {
        Query.Where(d => d.Kind == kind && d.Number == number);
        if (exceptId is { } id) Query.Where(d => d.Id != id);
    }
}

public sealed class ContactExistsSpec : Specification<Contact>
{
    public ContactExistsSpec(int contactId) => Query.Where(c => c.Id == contactId);
}
