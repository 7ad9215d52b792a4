using System.Linq.Expressions;
using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Documents;

/// <summary>
/// Who is looking: the signed-in portal user's contact, the company that contact belongs to, and which kinds of the
/// company's documents they see (null: all, as for everyone whose company administrator chose nothing else).
/// </summary>
public sealed record DocumentViewer(int ContactId, int? CompanyId, DocumentKindSet? CompanyKinds = null)
{
    /// <summary>Whether the viewer sees their company's documents of <paramref name="kind"/> (their own they see all of).</summary>
    public bool SeesCompanyDocumentsOf(DocumentKind kind) =>
        CompanyId is not null && (CompanyKinds is not { IsAll: false } chosen || chosen.Includes(kind));
}

/// <summary>
/// The one rule for what a customer may see: documents of their own contact and those of their company's that are of a
/// kind they see (<see cref="DocumentViewer.SeesCompanyDocumentsOf"/>), never a draft. Every customer query starts from
/// <see cref="VisibleTo"/>, except My Account's counts, which add up the own and company counts by the same
/// <see cref="DocumentViewer.SeesCompanyDocumentsOf"/>.
/// </summary>
public static class DocumentVisibility
{
    public static Expression<Func<Document, bool>> Rule(DocumentViewer viewer)
    {
        var contactId = viewer.ContactId;
        if (viewer.CompanyId is not { } companyId)
            return d => d.Status != DocumentStatus.Draft && d.ContactId == contactId;
        if (viewer.CompanyKinds is not { IsAll: false } chosen)
            return d => d.Status != DocumentStatus.Draft && (d.ContactId == contactId || d.ContactId == companyId);
        var kinds = chosen.Kinds.ToList();
        if (kinds.Count == 0) return d => d.Status != DocumentStatus.Draft && d.ContactId == contactId;
        return d => d.Status != DocumentStatus.Draft
            && (d.ContactId == contactId || (d.ContactId == companyId && kinds.Contains(d.Kind)));
    }

    public static ISpecificationBuilder<Document> VisibleTo(this ISpecificationBuilder<Document> query, DocumentViewer viewer) =>
        query.Where(Rule(viewer));

    public static ISpecificationBuilder<Document, TResult> VisibleTo<TResult>(
        this ISpecificationBuilder<Document, TResult> query,
        DocumentViewer viewer)
    {
        query.Where(Rule(viewer));
        return query;
    }

    /// <summary>The signed-in customer as a viewer; someone who is not an active portal user sees nothing (404).</summary>
    internal static async Task<DocumentViewer> ViewerAsync(
        this IReadRepository<PortalUser> users,
        ICurrentUser currentUser,
        CancellationToken cancellationToken) =>
        await users.FirstOrDefaultAsync(new DocumentViewerSpec(currentUser.UserId ?? 0), cancellationToken)
            ?? throw new NotFoundException("Portal user");
}

/// <summary>Every document <paramref name="viewer"/> may see, whole; the customer queries project from the same rule.</summary>
public sealed class VisibleDocumentsSpec : Specification<Document>
{
    public VisibleDocumentsSpec(DocumentViewer viewer) => Query.VisibleTo(viewer).AsNoTracking();
}

public sealed class DocumentViewerSpec : Specification<PortalUser, DocumentViewer>, ISingleResultSpecification<PortalUser, DocumentViewer>
{
    public DocumentViewerSpec(int userId)
    {
        Query.Where(u => u.Id == userId && u.State == PortalAccessState.Active).AsNoTracking();
        Query.Select(u => new DocumentViewer(u.ContactId, u.Contact.CompanyId, u.CompanyDocumentKinds));
    }
}
