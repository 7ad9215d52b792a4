namespace Portal.Domain.Documents;

/// <summary>
/// A business document of a contact (person or company): quotation, sales order, invoice or credit note, with
/// line items from which its totals are computed. Drafts are the business's own and never reach customers.
/// </summary>
public sealed class Document
{
    public const int NumberMaxLength = 40;

    private readonly List<DocumentLine> _lines = [];

    private Document() { }

    public int Id { get; private set; }
    public int ContactId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string Number { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    /// <summary>Invoices only: when payment is due.</summary>
    public DateOnly? DueOn { get; private set; }
    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public string Currency { get; private set; } = "EUR";
    public DocumentStatus Status { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public decimal TotalAmount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DocumentFile? Pdf { get; private set; }
    public IReadOnlyCollection<DocumentLine> Lines => _lines.AsReadOnly();
}

public enum DocumentKind
{
    Quotation = 1,
    SalesOrder = 2,
    Invoice = 3,
    CreditNote = 4,
}

public enum DocumentStatus
{
    Draft = 0,
    Sent = 1,
    Confirmed = 2,
    Paid = 3,
    Cancelled = 4,
}

public sealed class DocumentLine
{
    private DocumentLine() { }

    public int Id { get; private set; }
    public int DocumentId { get; private set; }
    public int Position { get; private set; }
    public string Description { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    /// <summary>Percent, e.g. 19 for 19 %.</summary>
    public decimal TaxRate { get; private set; }
    public decimal NetAmount { get; private set; }
}

/// <summary>The PDF of a document, kept in the database so every app instance serves it.</summary>
public sealed class DocumentFile
{
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    private DocumentFile() { }

    public int DocumentId { get; private set; }
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public long SizeBytes { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
