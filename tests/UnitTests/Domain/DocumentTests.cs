using System.Text;
using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Documents;

namespace Portal.UnitTests.Domain;

public sealed class DocumentTests
{
    internal static readonly DateOnly Issued = new(2026, 3, 2);

    internal static Document NewDocument(DocumentKind kind = DocumentKind.Invoice, string number = "RE-1", int contactId = 7,
        DateOnly? dueOn = null,
        params DocumentLineItem[] lines) =>
        Document.Create(contactId, kind, number, Issued, dueOn, "EUR",
            lines.Length == 0 ? [new DocumentLineItem("Service", 1, 100, 19)] : lines, Given.Now, Given.Admin);

    private static void Refuses(DomainError error, Action move) => Should.Throw<DomainException>(move).Error.ShouldBe(error);

    [Fact]
    public void A_new_document_is_a_draft_with_trimmed_number_and_upper_case_currency()
    {
        var document = Document.Create(7, DocumentKind.Quotation, "  Q-1 ", Issued, null, " eur ",
            [new DocumentLineItem(" Service ", 1, 100, 19)], Given.Now, Given.Admin);

        document.Status.ShouldBe(DocumentStatus.Draft);
        document.IsDraft.ShouldBeTrue();
        document.Number.ShouldBe("Q-1");
        document.Currency.ShouldBe("EUR");
        document.ContactId.ShouldBe(7);
        document.Lines.Single().Description.ShouldBe("Service");
        document.CreatedAt.ShouldBe(Given.Now);
    }

    [Fact]
    public void Totals_are_net_per_line_rounded_commercially_plus_tax_computed_once_per_rate()
    {
        var document = NewDocument(lines:
        [
            new DocumentLineItem("Consulting", 2.5m, 100m, 19m),
            new DocumentLineItem("Travel", 3m, 33.333m, 7m),
            new DocumentLineItem("Booklet", 1m, 10.005m, 7m),
            new DocumentLineItem("Postage", 1m, 0.015m, 0m),
        ]);

        document.Lines.Select(l => l.NetAmount).ShouldBe([250.00m, 100.00m, 10.01m, 0.02m]);
        document.Lines.Select(l => l.Position).ShouldBe([1, 2, 3, 4]);
        document.NetAmount.ShouldBe(360.03m);
        document.TaxesByRate().ShouldBe(
        [
            new TaxAmountByRate(0m, 0.02m, 0.00m),
            new TaxAmountByRate(7m, 110.01m, 7.70m),
            new TaxAmountByRate(19m, 250.00m, 47.50m),
        ]);
        document.TaxAmount.ShouldBe(55.20m);
        document.TotalAmount.ShouldBe(415.23m);
    }

    [Theory]
    [InlineData(0.005, 0.01)]
    [InlineData(0.004, 0.00)]
    [InlineData(2.675, 2.68)]
    [InlineData(1.125, 1.13)]
    public void Money_rounds_half_a_cent_away_from_zero(double amount, double expected) =>
        Money.Round((decimal)amount).ShouldBe((decimal)expected);

    [Fact]
    public void A_credit_note_has_positive_amounts()
    {
        var note = NewDocument(DocumentKind.CreditNote, lines: new DocumentLineItem("Refund", 1, 50, 19));
        note.Kind.ShouldBe(DocumentKind.CreditNote);
        note.TotalAmount.ShouldBe(59.50m);
    }

    [Theory]
    [InlineData("", 1, 10, 19)]
    [InlineData("x", 0, 10, 19)]
    [InlineData("x", -1, 10, 19)]
    [InlineData("x", 100001, 10, 19)]
    [InlineData("x", 0.00001, 10, 19)]
    [InlineData("x", 1, -1000001, 19)]
    [InlineData("x", 1, -0.00001, 19)]
    [InlineData("x", 1, 1000001, 19)]
    [InlineData("x", 1, 10, -1)]
    [InlineData("x", 1, 10, 100.5)]
    public void Bad_lines_are_refused(string description, double quantity, double unitPrice, double taxRate) =>
        Should.Throw<DomainException>(() => NewDocument(lines: new DocumentLineItem(description, (decimal)quantity, (decimal)unitPrice,
            (decimal)taxRate)));

    [Fact]
    public void A_discount_line_lowers_the_total_but_never_below_zero()
    {
        var discounted = NewDocument(lines:
        [
            new DocumentLineItem("Consulting", 2, 50m, 19m),
            new DocumentLineItem("Loyalty discount", 1, -10m, 19m),
        ]);

        discounted.Lines.Select(l => l.NetAmount).ShouldBe([100m, -10m]);
        (discounted.NetAmount, discounted.TaxAmount, discounted.TotalAmount).ShouldBe((90m, 17.10m, 107.10m));

        var free = NewDocument(lines: [new DocumentLineItem("Sample", 1, 100m, 19m), new DocumentLineItem("Free sample", 1, -100m, 19m)]);
        free.TotalAmount.ShouldBe(0m);

        Refuses(DomainErrors.DocumentTotalBelowZero, () => NewDocument(lines:
            [new DocumentLineItem("Sample", 1, 100m, 19m), new DocumentLineItem("Too generous", 1, -100.01m, 19m)]));
        // A net of zero whose discount carries the higher rate would still end below zero once taxed.
        Refuses(DomainErrors.DocumentTotalBelowZero, () => NewDocument(lines:
            [new DocumentLineItem("Book", 1, 100m, 7m), new DocumentLineItem("Discount", 1, -100m, 19m)]));
    }

    [Fact]
    public void A_revision_is_held_to_the_same_floor()
    {
        var document = NewDocument();

        Refuses(DomainErrors.DocumentTotalBelowZero, () => document.Revise("RE-1", Issued, null, "EUR",
            [new DocumentLineItem("Refund", 1, -5m, 19m)], Given.Now, Given.Admin));
        document.TotalAmount.ShouldBe(119m);
    }

    [Fact]
    public void The_header_is_checked()
    {
        var line = new DocumentLineItem("x", 1, 1, 0);
        Refuses(DomainErrors.DocumentNumberInvalid,
            () => Document.Create(1, DocumentKind.Invoice, " ", Issued, null, "EUR", [line], Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentNumberInvalid,
            () => Document.Create(1, DocumentKind.Invoice, new string('1', 41), Issued, null, "EUR", [line], Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentCurrencyUnknown,
            () => Document.Create(1, DocumentKind.Invoice, "1", Issued, null, "EURO", [line], Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentCurrencyUnknown,
            () => Document.Create(1, DocumentKind.Invoice, "1", Issued, null, "XYZ", [line], Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentDueDateOnlyForInvoices,
            () => Document.Create(1, DocumentKind.Quotation, "1", Issued, Issued, "EUR", [line], Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentDueBeforeIssued,
            () => Document.Create(1, DocumentKind.Invoice, "1", Issued, Issued.AddDays(-1), "EUR", [line], Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentNeedsLines,
            () => Document.Create(1, DocumentKind.Invoice, "1", Issued, null, "EUR", [], Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentTooManyLines,
            () => Document.Create(1, DocumentKind.Invoice, "1", Issued, null, "EUR", Enumerable.Repeat(line, 51), Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentKindUnknown,
            () => Document.Create(1, (DocumentKind)9, "1", Issued, null, "EUR", [line], Given.Now, Given.Admin));
        Document.Create(1, DocumentKind.Invoice, "1", Issued, Issued, "chf", [line], Given.Now, Given.Admin).Currency.ShouldBe("CHF");
    }

    [Fact]
    public void Currencies_are_the_ISO_4217_codes()
    {
        foreach (var code in new[] { "EUR", "USD", "GBP", "CHF", "JPY", "SEK", "PLN" }) Currencies.IsKnown(code).ShouldBeTrue(code);
        foreach (var code in new[] { "", "eur", "EU", "EURO", "XXX", "DEM", null }) Currencies.IsKnown(code).ShouldBeFalse(code);
    }

    [Theory]
    [InlineData(DocumentKind.Quotation,
        new[] { DocumentStatus.Draft, DocumentStatus.Sent, DocumentStatus.Confirmed, DocumentStatus.Cancelled })]
    [InlineData(DocumentKind.SalesOrder, new[] { DocumentStatus.Draft, DocumentStatus.Confirmed, DocumentStatus.Cancelled })]
    [InlineData(DocumentKind.Invoice, new[] { DocumentStatus.Draft, DocumentStatus.Sent, DocumentStatus.Paid, DocumentStatus.Cancelled })]
    [InlineData(DocumentKind.CreditNote,
        new[] { DocumentStatus.Draft, DocumentStatus.Sent, DocumentStatus.Paid, DocumentStatus.Cancelled })]
    public void Each_kind_has_its_own_statuses(DocumentKind kind, DocumentStatus[] statuses) =>
        Document.StatusesOf(kind).ShouldBe(statuses);

    [Fact]
    public void An_invoice_goes_from_draft_to_sent_to_paid_and_a_payment_can_be_taken_back()
    {
        var invoice = NewDocument();
        invoice.ChangeStatus(DocumentStatus.Sent, Given.Now.AddHours(1), Given.Admin);
        invoice.ChangeStatus(DocumentStatus.Paid, Given.Now.AddHours(2), Given.Admin);
        invoice.Status.ShouldBe(DocumentStatus.Paid);
        invoice.UpdatedAt.ShouldBe(Given.Now.AddHours(2));
        invoice.NextStatuses().ShouldBe([DocumentStatus.Sent]);
        invoice.ChangeStatus(DocumentStatus.Sent, Given.Now.AddHours(3), Given.Admin);
        invoice.Status.ShouldBe(DocumentStatus.Sent);
    }

    [Fact]
    public void Illegal_moves_are_refused()
    {
        var invoice = NewDocument();
        Refuses(DomainErrors.DocumentStatusNotForKind, () => invoice.ChangeStatus(DocumentStatus.Confirmed, Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentStatusChangeNotAllowed, () => invoice.ChangeStatus(DocumentStatus.Paid, Given.Now, Given.Admin));

        var order = NewDocument(DocumentKind.SalesOrder, dueOn: null);
        Refuses(DomainErrors.DocumentStatusNotForKind, () => order.ChangeStatus(DocumentStatus.Sent, Given.Now, Given.Admin));
        order.ChangeStatus(DocumentStatus.Confirmed, Given.Now, Given.Admin);
        Refuses(DomainErrors.DocumentStatusChangeNotAllowed, () => order.ChangeStatus(DocumentStatus.Draft, Given.Now, Given.Admin));
        order.ChangeStatus(DocumentStatus.Cancelled, Given.Now, Given.Admin);
        order.NextStatuses().ShouldBeEmpty();
        Refuses(DomainErrors.DocumentStatusChangeNotAllowed, () => order.ChangeStatus(DocumentStatus.Confirmed, Given.Now, Given.Admin));
    }

    [Fact]
    public void Only_a_draft_can_be_revised()
    {
        var quotation = NewDocument(DocumentKind.Quotation);
        quotation.Revise("Q-2", Issued, null, "USD", [new DocumentLineItem("More", 2, 10, 0)], Given.Now.AddHours(1), Given.Admin);
        quotation.Number.ShouldBe("Q-2");
        quotation.Lines.Count.ShouldBe(1);
        quotation.TotalAmount.ShouldBe(20m);

        quotation.ChangeStatus(DocumentStatus.Sent, Given.Now, Given.Admin);
        Refuses(DomainErrors.DocumentOnlyDraftsChange,
            () => quotation.Revise("Q-3", Issued, null, "USD", [new DocumentLineItem("x", 1, 1, 0)], Given.Now, Given.Admin));
        quotation.Number.ShouldBe("Q-2");
    }

    private static byte[] Pdf(int padding = 0) =>
        [.. "%PDF-1.7\n"u8, .. new byte[padding], .. "\ntrailer\n%%EOF\n"u8];

    [Fact]
    public void A_PDF_is_attached_replaced_and_removed()
    {
        var document = NewDocument();
        document.AttachPdf(@"C:\scans\..\Rechnung <1>.PDF", Pdf(), Given.Now.AddHours(1), Given.Admin);
        document.Pdf!.FileName.ShouldBe("Rechnung 1.PDF");
        document.Pdf.SizeBytes.ShouldBe(Pdf().Length);
        document.Pdf.UploadedAt.ShouldBe(Given.Now.AddHours(1));

        var first = document.Pdf;
        document.AttachPdf("../../etc/passwd", Pdf(100), Given.Now.AddHours(2), Given.Admin);
        document.Pdf.ShouldBeSameAs(first, "replacing keeps the one row per document");
        document.Pdf.FileName.ShouldBe("passwd.pdf");
        document.Pdf.Content.Length.ShouldBe(Pdf(100).Length);

        document.RemovePdf(Given.Now.AddHours(3), Given.Admin);
        document.Pdf.ShouldBeNull();
        Refuses(DomainErrors.DocumentHasNoPdf, () => document.RemovePdf(Given.Now, Given.Admin));
    }

    [Fact]
    public void Anything_but_a_PDF_of_at_most_10_MB_is_refused()
    {
        var document = NewDocument();
        Refuses(DomainErrors.DocumentPdfEmpty, () => document.AttachPdf("a.pdf", [], Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentPdfInvalid,
            () => document.AttachPdf("a.pdf", Encoding.ASCII.GetBytes("GIF89a %%EOF"), Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentPdfInvalid,
            () => document.AttachPdf("a.pdf", Encoding.ASCII.GetBytes(" %PDF-1.4 %%EOF"), Given.Now, Given.Admin));
        Refuses(DomainErrors.DocumentPdfInvalid,
            () => document.AttachPdf("a.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 no end"), Given.Now, Given.Admin));
        // "%%EOF" only far from the end: a truncated or padded file.
        Refuses(DomainErrors.DocumentPdfInvalid,
            () => document.AttachPdf("a.pdf", [.. Pdf(), .. new byte[PdfContent.EndMarkerWindow]], Given.Now, Given.Admin));

        var tooLarge = Pdf((int)DocumentFile.MaxSizeBytes);
        Refuses(DomainErrors.DocumentPdfTooLarge, () => document.AttachPdf("a.pdf", tooLarge, Given.Now, Given.Admin));
        document.Pdf.ShouldBeNull();

        var largest = Pdf((int)DocumentFile.MaxSizeBytes - Pdf().Length);
        largest.LongLength.ShouldBe(DocumentFile.MaxSizeBytes);
        document.AttachPdf("a.pdf", largest, Given.Now, Given.Admin);
        document.Pdf!.SizeBytes.ShouldBe(DocumentFile.MaxSizeBytes);
    }

    private static DocumentChanged[] Changes(Document document) => document.DomainEvents.OfType<DocumentChanged>().ToArray();

    [Fact]
    public void Creating_a_document_records_it_for_its_contact_with_who_did_it()
    {
        var document = NewDocument(DocumentKind.Invoice, "RE-7", contactId: 7);

        var created = Changes(document).ShouldHaveSingleItem();
        (created.Kind, created.ContactId, created.DocumentKind, created.Number, created.Detail, created.Actor, created.OccurredAt)
            .ShouldBe((ActivityKind.DocumentCreated, 7, DocumentKind.Invoice, "RE-7", (string?)null, Given.Admin, Given.Now));
        var entry = created.ToActivity(actorUserId: 3);
        (entry.Kind, entry.ContactId, entry.SubjectName, entry.Detail, entry.ActorUserId, entry.ActorName)
            .ShouldBe((ActivityKind.DocumentCreated, (int?)7, "RE-7", "Invoice", (int?)3, Given.Admin));
    }

    [Fact]
    public void A_status_change_records_where_it_came_from_and_went_to()
    {
        var invoice = NewDocument();
        invoice.ChangeStatus(DocumentStatus.Sent, Given.Now, Given.Admin);
        invoice.ClearDomainEvents();

        invoice.ChangeStatus(DocumentStatus.Paid, Given.Now.AddHours(1), "Kim Clerk <kim@portal.example>");

        var paid = Changes(invoice).ShouldHaveSingleItem();
        (paid.Kind, paid.Detail, paid.Actor).ShouldBe((ActivityKind.DocumentStatusChanged, "Sent>Paid", "Kim Clerk <kim@portal.example>"));
        paid.ToActivity(null).Detail.ShouldBe("Invoice:Sent>Paid");
    }

    [Fact]
    public void A_move_to_the_same_status_or_a_refused_move_records_nothing()
    {
        var invoice = NewDocument();
        invoice.ClearDomainEvents();

        invoice.ChangeStatus(DocumentStatus.Draft, Given.Now, Given.Admin);
        Refuses(DomainErrors.DocumentStatusChangeNotAllowed, () => invoice.ChangeStatus(DocumentStatus.Paid, Given.Now, Given.Admin));
        invoice.DomainEvents.ShouldBeEmpty();

        invoice.ChangeStatus(DocumentStatus.Sent, Given.Now, Given.Admin);
        invoice.ClearDomainEvents();
        Refuses(DomainErrors.DocumentOnlyDraftsChange,
            () => invoice.Revise("RE-2", Issued, null, "EUR", [new DocumentLineItem("Service", 1, 100, 19)], Given.Now, Given.Admin));
        invoice.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Revising_a_draft_records_the_fields_that_changed_and_a_save_without_changes_records_nothing()
    {
        var invoice = NewDocument(DocumentKind.Invoice, "RE-1");
        invoice.ClearDomainEvents();

        invoice.Revise("RE-1", Issued, null, "eur", [new DocumentLineItem(" Service ", 1.0m, 100.00m, 19)], Given.Now, Given.Admin);
        invoice.DomainEvents.ShouldBeEmpty();

        invoice.Revise("RE-2", Issued.AddDays(1), Issued.AddDays(14), "EUR", [new DocumentLineItem("Service", 2, 100, 19)], Given.Now,
            Given.Admin);
        var revised = Changes(invoice).ShouldHaveSingleItem();
        (revised.Kind, revised.Number, revised.Detail)
            .ShouldBe((ActivityKind.DocumentChanged, "RE-2", "Number,IssuedOn,DueOn,Lines"));
    }

    [Fact]
    public void Attaching_replacing_and_removing_the_PDF_each_record_the_file_name()
    {
        var document = NewDocument();
        document.ClearDomainEvents();

        document.AttachPdf("scans/first.pdf", Pdf(), Given.Now, Given.Admin);
        document.AttachPdf("second", Pdf(), Given.Now, Given.Admin);
        document.RemovePdf(Given.Now, Given.Admin);
        Refuses(DomainErrors.DocumentPdfInvalid, () => document.AttachPdf("bad.pdf", Encoding.ASCII.GetBytes("GIF89a"), Given.Now,
            Given.Admin));

        Changes(document).Select(c => (c.Kind, c.Detail)).ShouldBe(
        [
            (ActivityKind.DocumentPdfAttached, (string?)"first.pdf"),
            (ActivityKind.DocumentPdfReplaced, "second.pdf"),
            (ActivityKind.DocumentPdfRemoved, "second.pdf"),
        ]);
    }
}
