using Portal.Domain.Activity;
using Portal.Domain.Common;

namespace Portal.Domain.Documents;

/// <summary>
/// A business document of a contact (person or company): quotation, sales order, invoice or credit note, with
/// line items from which its totals are computed. Drafts are the business's own and never reach customers.
/// </summary>
public sealed class Document : AggregateRoot
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

    /// <summary>Keeps every total well inside the database's decimal(18,4), on SQLite's fixed-point integers too.</summary>
    public const int MaxLines = 50;

    public bool IsDraft => Status == DocumentStatus.Draft;

    /// <summary>A new document starts as a draft: only the business sees it until its status moves on.</summary>
    public static Document Create(
        int contactId,
        DocumentKind kind,
        string number,
        DateOnly issuedOn,
        DateOnly? dueOn,
        string currency,
        IEnumerable<DocumentLineItem> lines,
        DateTimeOffset now,
        string actor)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException(DomainErrors.DocumentKindUnknown);
        var document = new Document { ContactId = contactId, Kind = kind, Status = DocumentStatus.Draft, CreatedAt = now };
        document.Describe(number, issuedOn, dueOn, currency, lines, now);
        document.Record(ActivityKind.DocumentCreated, null, actor, now);
        return document;
    }

    /// <summary>
    /// Changes number, dates, currency and lines. Only a draft can change: once a customer may have seen a
    /// document, what they saw stays what it is. The activity names the fields that changed; a save that changed none records nothing.
    /// </summary>
    public void Revise(
        string number, DateOnly issuedOn, DateOnly? dueOn, string currency, IEnumerable<DocumentLineItem> lines, DateTimeOffset now,
        string actor)
    {
        if (!IsDraft) throw new DomainException(DomainErrors.DocumentOnlyDraftsChange);
        var (oldNumber, oldIssuedOn, oldDueOn, oldCurrency, oldLines) = (Number, IssuedOn, DueOn, Currency, LineItems());
        Describe(number, issuedOn, dueOn, currency, lines, now);
        var changed = new List<string>();
        if (Number != oldNumber) changed.Add(nameof(Number));
        if (IssuedOn != oldIssuedOn) changed.Add(nameof(IssuedOn));
        if (DueOn != oldDueOn) changed.Add(nameof(DueOn));
        if (Currency != oldCurrency) changed.Add(nameof(Currency));
        if (!LineItems().SequenceEqual(oldLines)) changed.Add(nameof(Lines));
        if (changed.Count > 0) Record(ActivityKind.DocumentChanged, string.Join(',', changed), actor, now);
    }

    private List<DocumentLineItem> LineItems() =>
        _lines.OrderBy(l => l.Position).Select(l => new DocumentLineItem(l.Description, l.Quantity, l.UnitPrice, l.TaxRate)).ToList();

    private void Describe(
        string number, DateOnly issuedOn, DateOnly? dueOn, string currency, IEnumerable<DocumentLineItem> lines, DateTimeOffset now)
    {
        var cleanNumber = (number ?? "").Trim();
        if (cleanNumber.Length == 0 || cleanNumber.Length > NumberMaxLength || cleanNumber.Any(char.IsControl))
            throw new DomainException(DomainErrors.DocumentNumberInvalid);
        if (dueOn is not null && Kind != DocumentKind.Invoice) throw new DomainException(DomainErrors.DocumentDueDateOnlyForInvoices);
        if (dueOn < issuedOn) throw new DomainException(DomainErrors.DocumentDueBeforeIssued);
        var cleanCurrency = (currency ?? "").Trim().ToUpperInvariant();
        if (!Currencies.IsKnown(cleanCurrency)) throw new DomainException(DomainErrors.DocumentCurrencyUnknown);

        var items = (lines ?? []).ToList();
        if (items.Count == 0) throw new DomainException(DomainErrors.DocumentNeedsLines);
        if (items.Count > MaxLines) throw new DomainException(DomainErrors.DocumentTooManyLines);
        var newLines = items.Select((item, index) => DocumentLine.Create(index + 1, item)).ToList();
        var net = newLines.Sum(l => l.NetAmount);
        var tax = TaxesByRate(newLines.Select(l => (l.TaxRate, l.NetAmount))).Sum(t => t.TaxAmount);
        // Discount lines (negative prices) may lower the total, but a document never asks the customer for less than nothing:
        // money back is a credit note.
        if (net < 0 || net + tax < 0) throw new DomainException(DomainErrors.DocumentTotalBelowZero);

        Number = cleanNumber;
        IssuedOn = issuedOn;
        DueOn = dueOn;
        Currency = cleanCurrency;
        _lines.Clear();
        _lines.AddRange(newLines);
        NetAmount = net;
        TaxAmount = tax;
        TotalAmount = net + tax;
        UpdatedAt = now;
    }

    /// <summary>
    /// Tax is computed once per rate on the sum of that rate's net amounts, as invoices show it, so rounding
    /// differences of single lines never add up.
    /// </summary>
    public IReadOnlyList<TaxAmountByRate> TaxesByRate() => TaxesByRate(_lines.Select(l => (l.TaxRate, l.NetAmount)));

    /// <summary>The same computation for read models that carry only each line's rate and net amount.</summary>
    public static IReadOnlyList<TaxAmountByRate> TaxesByRate(IEnumerable<(decimal TaxRate, decimal NetAmount)> lines) =>
        lines.GroupBy(l => l.TaxRate)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var net = g.Sum(l => l.NetAmount);
                return new TaxAmountByRate(g.Key, net, Money.Round(net * g.Key / 100m));
            })
            .ToList();

    /// <summary>The statuses a document of <paramref name="kind"/> can have at all.</summary>
    public static IReadOnlyList<DocumentStatus> StatusesOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Quotation => [DocumentStatus.Draft, DocumentStatus.Sent, DocumentStatus.Confirmed, DocumentStatus.Cancelled],
        DocumentKind.SalesOrder => [DocumentStatus.Draft, DocumentStatus.Confirmed, DocumentStatus.Cancelled],
        DocumentKind.Invoice or DocumentKind.CreditNote =>
            [DocumentStatus.Draft, DocumentStatus.Sent, DocumentStatus.Paid, DocumentStatus.Cancelled],
        _ => [],
    };

    /// <summary>
    /// Where this document may go from its current status. Nothing goes back to draft (a customer may have
    /// seen it), a cancelled document stays cancelled, and a payment can be taken back (paid → sent).
    /// </summary>
    public IReadOnlyList<DocumentStatus> NextStatuses() => NextStatuses(Kind, Status);

    public static IReadOnlyList<DocumentStatus> NextStatuses(DocumentKind kind, DocumentStatus status) => (kind, status) switch
    {
        (DocumentKind.Quotation, DocumentStatus.Draft) => [DocumentStatus.Sent, DocumentStatus.Confirmed, DocumentStatus.Cancelled],
        (DocumentKind.Quotation, DocumentStatus.Sent) => [DocumentStatus.Confirmed, DocumentStatus.Cancelled],
        (DocumentKind.Quotation, DocumentStatus.Confirmed) => [DocumentStatus.Cancelled],
        (DocumentKind.SalesOrder, DocumentStatus.Draft) => [DocumentStatus.Confirmed, DocumentStatus.Cancelled],
        (DocumentKind.SalesOrder, DocumentStatus.Confirmed) => [DocumentStatus.Cancelled],
        (DocumentKind.Invoice or DocumentKind.CreditNote, DocumentStatus.Draft) => [DocumentStatus.Sent, DocumentStatus.Cancelled],
        (DocumentKind.Invoice or DocumentKind.CreditNote, DocumentStatus.Sent) => [DocumentStatus.Paid, DocumentStatus.Cancelled],
        (DocumentKind.Invoice or DocumentKind.CreditNote, DocumentStatus.Paid) => [DocumentStatus.Sent],
        _ => [],
    };

    public void ChangeStatus(DocumentStatus status, DateTimeOffset now, string actor)
    {
        if (status == Status) return;
        if (!StatusesOf(Kind).Contains(status)) throw new DomainException(DomainErrors.DocumentStatusNotForKind);
        if (!NextStatuses().Contains(status)) throw new DomainException(DomainErrors.DocumentStatusChangeNotAllowed);
        var from = Status;
        Status = status;
        UpdatedAt = now;
        Record(ActivityKind.DocumentStatusChanged, $"{from}>{status}", actor, now);
    }

    /// <summary>Attaches the document's PDF, or replaces the one it has.</summary>
    public void AttachPdf(string fileName, byte[] content, DateTimeOffset now, string actor)
    {
        PdfContent.EnsureIsPdf(content);
        var cleanName = DocumentFile.CleanFileName(fileName);
        var replaces = Pdf is not null;
        if (Pdf is null) Pdf = DocumentFile.Create(Id, cleanName, content, now);
        else Pdf.Replace(cleanName, content, now);
        UpdatedAt = now;
        Record(replaces ? ActivityKind.DocumentPdfReplaced : ActivityKind.DocumentPdfAttached, cleanName, actor, now);
    }

    public void RemovePdf(DateTimeOffset now, string actor)
    {
        if (Pdf is null) throw new DomainException(DomainErrors.DocumentHasNoPdf);
        var fileName = Pdf.FileName;
        Pdf = null;
        UpdatedAt = now;
        Record(ActivityKind.DocumentPdfRemoved, fileName, actor, now);
    }

    private void Record(ActivityKind kind, string? detail, string actor, DateTimeOffset now) =>
        Raise(new DocumentChanged(ContactId, Kind, Number, kind, detail, actor, now));
}
