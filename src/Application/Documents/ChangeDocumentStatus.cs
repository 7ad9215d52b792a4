using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.Users;

namespace Portal.Application.Documents;

/// <summary>Moves a document to another status of its kind, e.g. an invoice from sent to paid.</summary>
[RequiresPermission(StaffPermission.ManageDocuments)]
public sealed record ChangeDocumentStatus(int Id, DocumentStatus Status) : IRequest<Unit>;

public sealed class ChangeDocumentStatusValidator : AbstractValidator<ChangeDocumentStatus>
{
    public ChangeDocumentStatusValidator() =>
        RuleFor(c => c.Status).IsInEnum().WithMessage(DomainErrors.DocumentStatusNotForKind.Message);
}

public sealed class ChangeDocumentStatusHandler(IRepository<Document> documents, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<ChangeDocumentStatus, Unit>
{
    public async ValueTask<Unit> Handle(ChangeDocumentStatus command, CancellationToken cancellationToken)
    {
        var document = await documents.GetByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Document");
        document.ChangeStatus(command.Status, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
