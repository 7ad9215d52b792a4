using Portal.Application.Documents;
using Portal.Domain.Documents;

namespace Portal.Web.Pages.Shared;

/// <summary>What the lines-and-totals table needs; the back office and My Account show the same table.</summary>
public sealed record DocumentLinesModel(
    IReadOnlyList<DocumentLineView> Lines,
    IReadOnlyList<TaxAmountByRate> Taxes,
    decimal NetAmount,
    decimal TotalAmount,
    string Currency);
