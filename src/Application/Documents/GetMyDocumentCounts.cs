using Mediator;
using Portal.Application.Common;
using Portal.Domain.Documents;

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

/// <summary>A kind's documents of the viewer's own contact and of their company's, each counted up to a limit.</summary>
public readonly record struct OwnAndCompanyCount(int Own, int Company);

/// <summary>The signed-in customer as a viewer, with each kind's own and company documents counted.</summary>
public sealed record ViewerDocumentCounts(DocumentViewer Viewer, IReadOnlyDictionary<DocumentKind, OwnAndCompanyCount> Counts);

/// <summary>
/// Reads the viewer and counts each kind of their own and their company's documents, all in one round trip, each up to
/// <see cref="CountedUpTo"/>; null when the user is not an active portal user.
/// </summary>
public interface IDocumentKindCounter
{
    /// <summary>One more than <see cref="GetMyDocumentCounts.Limit"/>, to tell "exactly the limit" from "more".</summary>
    const int CountedUpTo = GetMyDocumentCounts.Limit + 1;

    Task<ViewerDocumentCounts?> CountAsync(int userId, CancellationToken cancellationToken);
}

public sealed class GetMyDocumentCountsHandler(IDocumentKindCounter counter, ICurrentUser currentUser)
    : IRequestHandler<GetMyDocumentCounts, IReadOnlyList<DocumentKindCount>>
{
    public async ValueTask<IReadOnlyList<DocumentKindCount>> Handle(GetMyDocumentCounts query, CancellationToken cancellationToken)
    {
        var counted = await counter.CountAsync(currentUser.UserId ?? 0, cancellationToken)
            ?? throw new NotFoundException("Portal user");
        var result = new List<DocumentKindCount>(counted.Counts.Count);
        foreach (var (kind, count) in counted.Counts.OrderBy(c => c.Key))
        {
            var visible = count.Own + (counted.Viewer.SeesCompanyDocumentsOf(kind) ? count.Company : 0);
            if (visible == 0) continue;
            result.Add(visible > GetMyDocumentCounts.Limit
                ? new DocumentKindCount(kind, GetMyDocumentCounts.Limit, MoreThanShown: true)
                : new DocumentKindCount(kind, visible));
        }
        return result;
    }
}
