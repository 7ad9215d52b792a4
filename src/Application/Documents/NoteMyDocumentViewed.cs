using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Webhooks;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;
using Portal.Domain.Webhooks;

namespace Portal.Application.Documents;

/// <summary>
/// The signed-in customer opened one of their documents. Only a webhook listens, so without one subscribed nothing is read
/// or written; a document they may not see is "not found", as on the page.
/// </summary>
public sealed record NoteMyDocumentViewed(int Id) : IRequest<Unit>;

public sealed class NoteMyDocumentViewedHandler(
    WebhookSubscribers subscribers,
    IReadRepository<PortalUser> users,
    IRepository<Document> documents,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<NoteMyDocumentViewed, Unit>
{
    public async ValueTask<Unit> Handle(NoteMyDocumentViewed command, CancellationToken cancellationToken)
    {
        if (!await subscribers.AnyForAsync(WebhookEvents.DocumentViewed, cancellationToken)) return Unit.Value;
        var viewer = await users.ViewerAsync(currentUser, cancellationToken);
        var document = await documents.FirstOrDefaultAsync(new ViewedDocumentSpec(viewer, command.Id), cancellationToken)
            ?? throw new NotFoundException("Document");
        document.NoteViewedBy(viewer.ContactId, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The document itself, tracked so that its event is dispatched; lines and PDF stay unread.</summary>
public sealed class ViewedDocumentSpec : Specification<Document>, ISingleResultSpecification<Document>
{
    public ViewedDocumentSpec(DocumentViewer viewer, int id) => Query.VisibleTo(viewer).Where(d => d.Id == id);
}
