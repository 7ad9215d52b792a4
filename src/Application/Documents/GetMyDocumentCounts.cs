using Mediator;
using Portal.Application.Common;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Documents;

/// <summary>
/// How many documents of each kind the signed-in customer can see; kinds they have none of are left out. Each kind is
/// counted only up to <see cref="Limit"/>: My Account is opened on every visit, and a company with a hundred thousand
/// invoices should not make it count them all.
/// </summary>
public sealed record GetMyDocumentCounts : IRequest<IReadOnlyList<DocumentKindCount>>
{
    public const int Limit = 999;
}

/// <param name="MoreThanShown">The kind has more than <see cref="Count"/> documents (<see cref="GetMyDocumentCounts.Limit"/>).</param>
public sealed record DocumentKindCount(DocumentKind Kind, int Count, bool MoreThanShown = false);

/// <summary>Counts each kind of the documents a viewer sees, all kinds in one round trip, each up to a limit.</summary>
public interface IDocumentKindCounter
{
    Task<IReadOnlyDictionary<DocumentKind, int>> CountUpToAsync(DocumentViewer viewer, int limit, CancellationToken cancellationToken);
}

public sealed class GetMyDocumentCountsHandler(
    IReadRepository<PortalUser> users,
    IDocumentKindCounter counter,
    ICurrentUser currentUser)
    : IRequestHandler<GetMyDocumentCounts, IReadOnlyList<DocumentKindCount>>
{
    public async ValueTask<IReadOnlyList<DocumentKindCount>> Handle(GetMyDocumentCounts query, CancellationToken cancellationToken)
    {
        var viewer = await users.ViewerAsync(currentUser, cancellationToken);
        var counts = await counter.CountUpToAsync(viewer, GetMyDocumentCounts.Limit + 1, cancellationToken);
        return counts.Where(c => c.Value > 0).OrderBy(c => c.Key)
            .Select(c => c.Value > GetMyDocumentCounts.Limit
                ? new DocumentKindCount(c.Key, GetMyDocumentCounts.Limit, MoreThanShown: true)
                : new DocumentKindCount(c.Key, c.Value))
            .ToList();
    }
}
