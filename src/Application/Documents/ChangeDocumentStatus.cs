using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.Users;

namespace Portal.Application.Documents;

/// <summary>
/// Moves a document to another status of its kind, e.g. an invoice from sent to paid. With <see cref="UnchangedSince"/> (the
/// <c>UpdatedAt</c> the caller read), a change made by someone else since is refused as a clash.
/// </summary>
[RequiresPermission(StaffPermission.ManageDocuments)]
public sealed record ChangeDocumentStatus(int Id, DocumentStatus Status, DateTimeOffset? UnchangedSince = null)
    : IStaffRequest, IRequest<Unit>;

public sealed class ChangeDocumentStatusValidator : AbstractValidator<ChangeDocumentStatus>
{
    public ChangeDocumentStatusValidator() =>
        RuleFor(c => c.Status).IsInEnum().WithMessage(DomainErrors.DocumentStatusNotForKind.Message);
}

public sealed class ChangeDocumentStatusHandler(
    IRepository<Document> documents, IUnitOfWork unitOfWork, ICurrentUser currentUser, TimeProvider clock)
    : IRequestHandler<ChangeDocumentStatus, Unit>
{
    public async ValueTask<Unit> Handle(ChangeDocumentStatus command, CancellationToken cancellationToken)
    {
        var document = await documents.GetByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Document");
        ConflictException.ThrowIfChangedSince(command.UnchangedSince, document.UpdatedAt);
        document.ChangeStatus(command.Status, clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
