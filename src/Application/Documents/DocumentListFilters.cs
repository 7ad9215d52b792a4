using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Domain.Documents;

namespace Portal.Application.Documents;

/// <summary>The filters the back office's list of all documents and the customer's own list share.</summary>
internal static class DocumentListFilters
{
    /// <summary>Documents whose number contains <paramref name="number"/>, cut to the longest number a document can have.</summary>
    public static ISpecificationBuilder<Document, TResult> NumberContains<TResult>(
        this ISpecificationBuilder<Document, TResult> query, string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return query;
        var term = number.Trim();
        query.Search(d => d.Number, SearchPattern.Contains(term[..Math.Min(term.Length, Document.NumberMaxLength)]));
        return query;
    }

    /// <summary>
    /// Sent invoices past their due date: the rule of the document page's payment state (GetMyDocumentHandler.PaymentStateOf),
    /// as a query.
    /// </summary>
    public static ISpecificationBuilder<Document, TResult> Overdue<TResult>(this ISpecificationBuilder<Document, TResult> query,
        DateOnly today)
    {
        query.Where(d => d.Kind == DocumentKind.Invoice && d.Status == DocumentStatus.Sent && d.DueOn < today);
        return query;
    }
}
