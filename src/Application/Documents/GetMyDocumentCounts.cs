using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Documents;

/// <summary>How many documents of each kind the signed-in customer can see; kinds they have none of are left out.</summary>
public sealed record GetMyDocumentCounts : IRequest<IReadOnlyList<DocumentKindCount>>;

public sealed record DocumentKindCount(DocumentKind Kind, int Count);

public sealed class GetMyDocumentCountsHandler(
    IReadRepository<PortalUser> users,
    IReadRepository<Document> documents,
    ICurrentUser currentUser)
    : IRequestHandler<GetMyDocumentCounts, IReadOnlyList<DocumentKindCount>>
{
    public async ValueTask<IReadOnlyList<DocumentKindCount>> Handle(GetMyDocumentCounts query, CancellationToken cancellationToken)
    {
        var viewer = await users.ViewerAsync(currentUser, cancellationToken);
        var kinds = await documents.ListAsync(new MyDocumentKindsSpec(viewer), cancellationToken);
        return kinds.GroupBy(k => k).OrderBy(g => g.Key).Select(g => new DocumentKindCount(g.Key, g.Count())).ToList();
    }
}

/// <summary>One kind per visible document: a customer has few enough that counting them here beats a grouping query per provider.</summary>
public sealed class MyDocumentKindsSpec : Specification<Document, DocumentKind>
{
    public MyDocumentKindsSpec(DocumentViewer viewer)
    {
        Query.VisibleTo(viewer).AsNoTracking();
        Query.Select(d => d.Kind);
    }
}
