using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Webhooks;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;
using Portal.Domain.Webhooks;

namespace Portal.Application.Documents;

/// <summary>
/// The signed-in customer opened one of their documents, on its page or straight from its PDF link. Only a webhook listens,
/// so without one subscribed nothing is read or written; with one, the first opening per customer and document is told,
/// not every reload. A document they may not see is "not found", as on the page.
/// </summary>
public sealed record NoteMyDocumentViewed(int Id) : IRequest<Unit>;

public sealed class NoteMyDocumentViewedHandler(
    WebhookSubscribers subscribers,
    IReadRepository<PortalUser> users,
    IRepository<Document> documents,
    IRepository<DocumentFirstView> firstViews,
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
        if (await firstViews.AnyAsync(new FirstViewSpec(document.Id, viewer.ContactId), cancellationToken)) return Unit.Value;
        await firstViews.AddAsync(DocumentFirstView.Record(document, viewer.ContactId, clock.GetUtcNow()), cancellationToken);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // The page and its PDF were opened at the same moment: the other request recorded the first view and told of it.
            unitOfWork.DiscardChanges();
        }
        return Unit.Value;
    }
}

/// <summary>The document itself, tracked so that its event is dispatched; lines and PDF stay unread.</summary>
public sealed class ViewedDocumentSpec : Specification<Document>, ISingleResultSpecification<Document>
{
    public ViewedDocumentSpec(DocumentViewer viewer, int id) => Query.VisibleTo(viewer).Where(d => d.Id == id);
}

public sealed class FirstViewSpec : Specification<DocumentFirstView>
{
    public FirstViewSpec(int documentId, int contactId) =>
        Query.Where(v => v.DocumentId == documentId && v.ContactId == contactId).AsNoTracking();
}
