using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Documents from the back office's forms to the customer's list, detail page and PDF download.</summary>
public sealed class DocumentsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_admin_creates_an_invoice_with_lines_and_the_totals_are_computed_with_tax_per_rate()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Tina Totals", $"tina.{Guid.NewGuid():n}@example.com");
        var number = DocumentFlows.Unique("RE");

        var saved = await admin.SubmitNewDocumentAsync(contactId, "Invoice", number,
        [
            new LineRow("Consulting", "2.5", "100", "19"),
            new LineRow("Travel", "3", "33.333", "7"),
            new LineRow("Booklet", "1", "10.005", "7"),
        ], dueOn: Today().AddDays(14).ToString("yyyy-MM-dd"));

        saved.Text.ShouldContain("The document has been saved.");
        saved.Text.ShouldContain("Draft");
        // 2.5 × 100 = 250.00; 3 × 33.333 = 99.999 → 100.00; 1 × 10.005 = 10.005 → 10.01 (half a cent rounds up).
        saved.Document.QuerySelector("[data-testid=net-total]")!.TextContent.Trim().ShouldBe("€360.01");
        // 19 % of 250.00 = 47.50; 7 % of 110.01 = 7.7007 → 7.70.
        saved.Document.QuerySelectorAll("[data-testid=tax-amount]").Select(e => e.TextContent.Trim()).ShouldBe(["€7.70", "€47.50"]);
        saved.Document.QuerySelector("[data-testid=total]")!.TextContent.Trim().ShouldBe("€415.21");

        var stored = await factory.WithDbAsync(db => db.Documents.AsNoTracking().Include(d => d.Lines)
            .SingleAsync(d => d.Number == number));
        stored.ContactId.ShouldBe(contactId);
        stored.Kind.ShouldBe(DocumentKind.Invoice);
        stored.Status.ShouldBe(DocumentStatus.Draft);
        (stored.NetAmount, stored.TaxAmount, stored.TotalAmount).ShouldBe((360.01m, 55.20m, 415.21m));
        stored.Lines.OrderBy(l => l.Position).Select(l => l.NetAmount).ShouldBe([250.00m, 100.00m, 10.01m]);

        var contactPage = await admin.GetAsync($"/admin/contacts/{contactId}");
        contactPage.Document.QuerySelector("[data-testid=contact-documents]")!.TextContent.ShouldContain(number);
        contactPage.Document.QuerySelector($"a[href='/admin/documents/new?contactId={contactId}']")!.TextContent.ShouldBe("New document");
    }

    [Fact]
    public async Task Add_line_gives_another_row_and_keeps_what_was_typed()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Larry Lines", $"larry.{Guid.NewGuid():n}@example.com");
        var form = await admin.OpenNewDocumentFormAsync(contactId);
        form.Document.QuerySelectorAll("input[name$='.Description']").Length.ShouldBe(3);

        var more = await admin.SubmitAsync(form, "Add line", new Dictionary<string, string?>
        {
            ["Input.Number"] = "Q-typed",
            ["Input.Lines[0].Description"] = "First",
        });

        more.Document.QuerySelectorAll("input[name$='.Description']").Length.ShouldBe(4);
        more.Document.QuerySelector("input[name='Input.Number']")!.GetAttribute("value").ShouldBe("Q-typed");
        more.Document.QuerySelector("input[name='Input.Lines[0].Description']")!.GetAttribute("value").ShouldBe("First");
        (await factory.WithDbAsync(db => db.Documents.CountAsync(d => d.Number == "Q-typed"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_number_is_unique_per_kind_and_a_second_invoice_with_it_is_refused_with_a_message()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Uma Unique", $"uma.{Guid.NewGuid():n}@example.com");
        var number = DocumentFlows.Unique("2026");
        await admin.CreateDocumentAsync(contactId, "Invoice", number);

        var refused = await admin.SubmitNewDocumentAsync(contactId, "Invoice", number, [new LineRow("Again", "1", "5", "19")]);

        refused.Path.ShouldBe("/admin/documents/new");
        refused.FieldError("Input.Number").ShouldBe("Another document of this kind already has this number.");
        (await factory.WithDbAsync(db => db.Documents.CountAsync(d => d.Number == number))).ShouldBe(1);

        // Another kind may use the same number.
        await admin.CreateDocumentAsync(contactId, "Quotation", number);
        (await factory.WithDbAsync(db => db.Documents.CountAsync(d => d.Number == number))).ShouldBe(2);
    }

    [Fact]
    public async Task Bad_line_input_is_shown_next_to_its_row_and_nothing_is_stored()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Berta Bad", $"berta.{Guid.NewGuid():n}@example.com");
        var number = DocumentFlows.Unique("BAD");

        var refused = await admin.SubmitNewDocumentAsync(contactId, "Quotation", number,
            [new LineRow("Fine", "1", "10", "19"), new LineRow("Zero", "0", "10", "19"), new LineRow("Tax", "1", "10", "120")],
            dueOn: Today().ToString("yyyy-MM-dd"), currency: "XYZ");

        refused.FieldError("Input.Lines[1].Quantity")
            .ShouldBe("A line's quantity must be more than 0 and at most 100,000, with at most four decimal places.");
        refused.FieldError("Input.Lines[2].TaxRate").ShouldBe("A line's tax rate must be between 0 and 100 percent.");
        refused.FieldError("Input.Currency").ShouldBe("Please enter a currency as its ISO 4217 code, e.g. EUR.");
        refused.FieldError("Input.DueOn").ShouldBe("Only invoices have a due date.");

        var noLines = await admin.SubmitNewDocumentAsync(contactId, "Invoice", number, [new LineRow("x", "abc", "1", "0")]);
        noLines.Status.ShouldBe(HttpStatusCode.OK);
        noLines.FieldError("Input.Lines[0].Quantity").ShouldNotBeNull();
        noLines.Document.QuerySelector("input[name='Input.Lines[0].Quantity']")!.GetAttribute("value").ShouldBe("abc");
        (await factory.WithDbAsync(db => db.Documents.CountAsync(d => d.Number == number))).ShouldBe(0);
    }

    [Fact]
    public async Task Only_drafts_can_be_edited_and_statuses_follow_the_kind()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Edda Edit", $"edda.{Guid.NewGuid():n}@example.com");
        var id = await admin.CreateDocumentAsync(contactId, "SalesOrder", DocumentFlows.Unique("SO"));

        var edit = await admin.GetAsync($"/admin/documents/{id}/edit");
        var saved = await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?>
        {
            ["Input.Lines[0].Quantity"] = "4",
        });
        saved.Document.QuerySelector("[data-testid=total]")!.TextContent.Trim().ShouldBe("€476.00");

        var details = await admin.GetAsync($"/admin/documents/{id}");
        details.Document.QuerySelectorAll("#new-status option").Select(o => o.GetAttribute("value")).ShouldBe(["Confirmed", "Cancelled"]);
        var forged = await admin.SubmitAsync(details, "Change status", new Dictionary<string, string?> { ["NewStatus"] = "Paid" });
        forged.Text.ShouldContain("This status doesn't exist for this kind of document.");

        await admin.ChangeStatusAsync(id, "Confirmed");
        (await admin.GetAsync($"/admin/documents/{id}/edit")).Path.ShouldBe($"/admin/documents/{id}");
        var late = await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?> { ["Input.Lines[0].Quantity"] = "5" });
        late.Text.ShouldContain("Only a draft can be changed; this document has already left the draft status.");
        (await factory.WithDbAsync(db => db.Documents.SingleAsync(d => d.Id == id))).TotalAmount.ShouldBe(476.00m);
    }

    [Fact]
    public async Task A_PDF_is_uploaded_and_replaced_while_other_files_and_files_over_10_MB_are_refused()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Paula Pdf", $"paula.{Guid.NewGuid():n}@example.com");
        var id = await admin.CreateDocumentAsync(contactId, "Invoice", DocumentFlows.Unique("PDF"));

        var png = await admin.UploadPdfAsync(id, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "scan.pdf");
        png.Status.ShouldBe(HttpStatusCode.OK);
        png.FieldError("pdf").ShouldBe("This file is not a PDF document.");

        var truncated = await admin.UploadPdfAsync(id, "%PDF-1.7\n1 0 obj <<>> endobj\n"u8.ToArray(), "cut.pdf");
        truncated.FieldError("pdf").ShouldBe("This file is not a PDF document.");

        var tooLarge = new byte[DocumentFile.MaxSizeBytes + 1];
        "%PDF-1.4\n"u8.CopyTo(tooLarge);
        "%%EOF\n"u8.CopyTo(tooLarge.AsSpan(tooLarge.Length - 6));
        var large = await admin.UploadPdfAsync(id, tooLarge, "huge.pdf");
        large.Status.ShouldBe(HttpStatusCode.OK);
        large.FieldError("pdf").ShouldBe("The PDF file is larger than 10 MB.");
        (await factory.WithDbAsync(db => db.Set<DocumentFile>().CountAsync(f => f.DocumentId == id))).ShouldBe(0);

        var first = await admin.UploadPdfAsync(id, DocumentFlows.SamplePdf("first"), @"C:\Users\me\Rechnung ""März"".pdf");
        first.Text.ShouldContain("The PDF has been saved.");
        first.Document.QuerySelector("[data-testid=pdf-link]")!.TextContent.ShouldBe("Rechnung März.pdf");
        var replaced = await admin.UploadPdfAsync(id, DocumentFlows.SamplePdf("second"), "second.pdf");
        replaced.Document.QuerySelector("[data-testid=pdf-link]")!.TextContent.ShouldBe("second.pdf");

        var download = await admin.Client.GetAsync($"/admin/documents/{id}/pdf");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(DocumentFlows.SamplePdf("second"));

        var removed = await admin.SubmitAsync(await admin.GetAsync($"/admin/documents/{id}"), "Remove PDF");
        removed.Text.ShouldContain("The PDF has been removed.");
        (await admin.Client.GetAsync($"/admin/documents/{id}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_upload_far_over_the_limit_is_refused_with_the_same_message_before_its_body_is_read()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Olga Oversize", $"olga.{Guid.NewGuid():n}@example.com");
        var id = await admin.CreateDocumentAsync(contactId, "Invoice", DocumentFlows.Unique("BIG"));
        var huge = new byte[12 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(huge);

        var page = await admin.UploadPdfAsync(id, huge, "huge.pdf");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Path.ShouldBe($"/admin/documents/{id}");
        page.FieldError("pdf").ShouldBe("The PDF file is larger than 10 MB.");
        (await factory.WithDbAsync(db => db.Set<DocumentFile>().CountAsync(f => f.DocumentId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_tile_counts_up_to_999_and_then_says_more_and_every_kind_has_its_tile()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Tilda Tile", $"tilda.{Guid.NewGuid():n}@example.com");
        using var _ = customer;
        var prefix = DocumentFlows.Unique("T");
        await factory.WithDbAsync(async db =>
        {
            Document Issued(DocumentKind kind, int i)
            {
                var document = Document.Create(contactId, kind, $"{prefix}-{kind}-{i:0000}", new DateOnly(2026, 1, 1), null, "EUR",
                    [new DocumentLineItem("Item", 1, 10, 0)], factory.Clock.GetUtcNow(), "seed");
                document.ChangeStatus(Document.StatusesOf(kind).First(s => s != DocumentStatus.Draft), factory.Clock.GetUtcNow(), "seed");
                return document;
            }
            db.Documents.AddRange(Enumerable.Range(0, 1000).Select(i => Issued(DocumentKind.Invoice, i)));
            db.Documents.AddRange(Enum.GetValues<DocumentKind>().Where(k => k != DocumentKind.Invoice).Select(k => Issued(k, 0)));
            await db.SaveChangesAsync();
        });

        var home = await customer.GetAsync("/my");
        string CountOf(DocumentKind kind) =>
            home.Document.QuerySelector($"[data-testid=document-tile-{kind}] [data-testid=document-count]")!.TextContent.Trim();
        CountOf(DocumentKind.Invoice).ShouldBe("999+");
        foreach (var kind in Enum.GetValues<DocumentKind>().Where(k => k != DocumentKind.Invoice)) CountOf(kind).ShouldBe("1");
    }

    [Fact]
    public async Task The_customer_sees_counters_per_kind_without_drafts_and_the_detail_with_lines_and_totals()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.CustomerAsync(admin, "Carla Counter", $"carla.{Guid.NewGuid():n}@example.com");
        using var _ = customer;
        (await customer.GetAsync("/my")).Document.QuerySelectorAll("[data-testid^=document-tile-]").ShouldBeEmpty();

        await admin.CreateDocumentAsync(contactId, "Invoice", DocumentFlows.Unique("I"), status: "Sent");
        await admin.CreateDocumentAsync(contactId, "Invoice", DocumentFlows.Unique("I"), status: "Paid");
        await admin.CreateDocumentAsync(contactId, "Invoice", DocumentFlows.Unique("I"));
        var order = await admin.CreateDocumentAsync(contactId, "SalesOrder", DocumentFlows.Unique("SO"), status: "Confirmed",
            lines: [new LineRow("Widget", "3", "19.99", "19"), new LineRow("Manual", "1", "12.50", "7")]);
        await admin.CreateDocumentAsync(contactId, "Quotation", DocumentFlows.Unique("Q"));

        var home = await customer.GetAsync("/my");
        var tiles = home.Document.QuerySelectorAll("[data-testid^=document-tile-]");
        tiles.Select(t => t.GetAttribute("data-testid")).ShouldBe(["document-tile-SalesOrder", "document-tile-Invoice"]);
        home.Document.QuerySelector("[data-testid=document-tile-Invoice] [data-testid=document-count]")!.TextContent.ShouldBe("2");
        home.Document.QuerySelector("[data-testid=document-tile-Invoice]")!.GetAttribute("href").ShouldBe("/my/documents?kind=Invoice");

        var invoices = await customer.GetAsync("/my/documents?kind=Invoice");
        invoices.Document.QuerySelectorAll("tr[data-document-id]").Length.ShouldBe(2);

        var detail = await customer.GetAsync($"/my/documents/{order}");
        detail.Status.ShouldBe(HttpStatusCode.OK);
        detail.Document.QuerySelector("[data-testid=document-lines]")!.TextContent.ShouldContain("Widget");
        // 3 × 19.99 = 59.97 (+11.39 tax at 19 %), 12.50 (+0.88 tax at 7 %).
        detail.Document.QuerySelector("[data-testid=total]")!.TextContent.Trim().ShouldBe("€84.74");
        detail.Document.QuerySelector("[data-testid=document-status]")!.TextContent.ShouldBe("Confirmed");

        using var german = factory.NewBrowser("de", customer.Cookies);
        var inGerman = await german.GetAsync($"/my/documents/{order}");
        inGerman.Document.QuerySelector("[data-testid=total]")!.TextContent.Trim().ShouldBe("84,74 €");
    }

    [Fact]
    public async Task An_invoice_reads_open_then_overdue_after_its_due_date_and_paid_once_paid()
    {
        var email = $"otto.{Guid.NewGuid():n}@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.CustomerAsync(admin, "Otto Overdue", email);
        using var _ = customer;
        var invoice = await admin.CreateDocumentAsync(contactId, "Invoice", DocumentFlows.Unique("OV"), status: "Sent",
            dueOn: Today().AddDays(2).ToString("yyyy-MM-dd"));

        (await PaymentStateAsync(customer, invoice)).ShouldBe("Open");
        factory.Clock.Advance(TimeSpan.FromDays(3));
        // Three days on, both sessions have ended; sign in again.
        (await customer.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my");
        (await PaymentStateAsync(customer, invoice)).ShouldBe("Open (overdue)");
        using var laterAdmin = await factory.SignedInAdminAsync();
        await laterAdmin.ChangeStatusAsync(invoice, "Paid");
        (await PaymentStateAsync(customer, invoice)).ShouldBe("Paid");
    }

    [Fact]
    public async Task The_customer_downloads_the_PDF_as_a_never_cached_attachment_with_a_safe_name()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.CustomerAsync(admin, "Dieter Download", $"dieter.{Guid.NewGuid():n}@example.com");
        using var _ = customer;
        var number = "RE/2026 \"7\"" + Guid.NewGuid().ToString("n")[..4];
        var id = await admin.CreateDocumentAsync(contactId, "Invoice", number, status: "Sent", withPdf: true);

        var detail = await customer.GetAsync($"/my/documents/{id}");
        detail.Document.QuerySelector($"a[href='/my/documents/{id}/pdf']")!.TextContent.ShouldBe("Download PDF");

        var response = await customer.Client.GetAsync($"/my/documents/{id}/pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileName!.Trim('"').ShouldBe($"invoice-RE-2026--7-{number[^4..]}.pdf");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(DocumentFlows.SamplePdf(number));
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_status_sorts_by_date_number_and_amount_and_pages_by_25()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.CustomerAsync(admin, "Lisa List", $"lisa.{Guid.NewGuid():n}@example.com");
        using var _ = customer;
        var prefix = DocumentFlows.Unique("L");
        var start = new DateOnly(2026, 1, 1);
        await factory.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 30; i++)
            {
                var kind = i % 3 == 0 ? DocumentKind.CreditNote : DocumentKind.Invoice;
                var document = Document.Create(contactId, kind, $"{prefix}-{i:00}", start.AddDays(i), null, "EUR",
                    [new DocumentLineItem("Item", 1, 1000 - i * 10, 0)], factory.Clock.GetUtcNow(), "seed");
                document.ChangeStatus(DocumentStatus.Sent, factory.Clock.GetUtcNow(), "seed");
                if (i % 2 == 0) document.ChangeStatus(DocumentStatus.Paid, factory.Clock.GetUtcNow(), "seed");
                db.Documents.Add(document);
            }
            await db.SaveChangesAsync();
        });

        var first = await customer.GetAsync("/my/documents");
        Numbers(first).Count.ShouldBe(25);
        Numbers(first)[0].ShouldBe($"{prefix}-30", "newest first by default");
        first.Text.ShouldContain("In total: 30");
        var next = first.Document.QuerySelectorAll(".pagination a.page-link").Single(a => a.TextContent.Trim() == "Next")
            .GetAttribute("href")!;
        var second = await customer.GetAsync(next);
        second.Document.QuerySelectorAll(".pagination a.page-link").Select(a => a.TextContent.Trim()).ShouldBe(["First", "Previous"],
            customMessage: $"{next} → {second.Status} {second.Path}");
        Numbers(second).ShouldBe([$"{prefix}-05", $"{prefix}-04", $"{prefix}-03", $"{prefix}-02", $"{prefix}-01"]);

        var byNumber = await customer.GetAsync("/my/documents?sort=Number&desc=false");
        Numbers(byNumber)[0].ShouldBe($"{prefix}-01");
        var byAmountAscending = await customer.GetAsync("/my/documents?sort=Amount&desc=false");
        Numbers(byAmountAscending)[0].ShouldBe($"{prefix}-30", "30 has the smallest amount (700.00)");
        var byAmountDescending = await customer.GetAsync("/my/documents?sort=Amount&desc=true");
        Numbers(byAmountDescending)[0].ShouldBe($"{prefix}-01");

        var paidCreditNotes = await customer.GetAsync("/my/documents?kind=CreditNote&status=Paid");
        Numbers(paidCreditNotes).ShouldBe([$"{prefix}-30", $"{prefix}-24", $"{prefix}-18", $"{prefix}-12", $"{prefix}-06"]);

        var nonsense = await customer.GetAsync("/my/documents?kind=Banana&status=Draft&sort=Nope&page=-4");
        nonsense.Status.ShouldBe(HttpStatusCode.OK);
        Numbers(nonsense).Count.ShouldBe(25);
    }

    private static List<string> Numbers(Page page) =>
        page.Document.QuerySelectorAll("tr[data-document-id] a[data-testid=document-number]").Select(a => a.TextContent.Trim()).ToList();

    private static async Task<string> PaymentStateAsync(PortalBrowser customer, int id) =>
        (await customer.GetAsync($"/my/documents/{id}")).Document.QuerySelector("[data-testid=payment-state]")!.TextContent.Trim();

    private DateOnly Today() => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
}
