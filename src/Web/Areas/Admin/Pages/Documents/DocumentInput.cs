using System.ComponentModel.DataAnnotations;
using Portal.Application.Documents;
using Portal.Domain.Documents;

namespace Portal.Web.Areas.Admin.Pages.Documents;

/// <summary>The document form: header fields and a fixed number of line rows; rows left blank are not lines.</summary>
public sealed class DocumentInput
{
    public const int MinimumRows = 3;

    [Display(Name = "Kind")] public DocumentKind Kind { get; set; } = DocumentKind.Invoice;
    [Display(Name = "Number")] public string? Number { get; set; }
    [Display(Name = "Date")] public DateOnly? IssuedOn { get; set; }
    [Display(Name = "Due date")] public DateOnly? DueOn { get; set; }
    [Display(Name = "Currency")] public string? Currency { get; set; } = "EUR";
    public List<LineInput> Lines { get; set; } = [];

    public IReadOnlyList<DocumentLineItem> LineItems() =>
        Lines.Select(l => new DocumentLineItem(l.Description ?? "", l.Quantity ?? 0, l.UnitPrice ?? 0, l.TaxRate ?? 0)).ToList();

    public void DropBlankRows() => Lines.RemoveAll(l => l.IsBlank);

    public void PadRows()
    {
        while (Lines.Count < MinimumRows) Lines.Add(new LineInput());
    }

    public static DocumentInput From(DocumentView document) => new()
    {
        Kind = document.Kind,
        Number = document.Number,
        IssuedOn = document.IssuedOn,
        DueOn = document.DueOn,
        Currency = document.Currency,
        Lines = document.Lines.Select(l => new LineInput
        {
            Description = l.Description,
            Quantity = l.Quantity,
            UnitPrice = l.UnitPrice,
            TaxRate = l.TaxRate,
        }).ToList(),
    };
}

public sealed class LineInput
{
    [Display(Name = "Description")] public string? Description { get; set; }
    [Display(Name = "Quantity")] public decimal? Quantity { get; set; }
    [Display(Name = "Unit price")] public decimal? UnitPrice { get; set; }
    [Display(Name = "Tax rate (%)")] public decimal? TaxRate { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && Quantity is null && UnitPrice is null && TaxRate is null;
}
