using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// /api/v1/documents with an API key: create with lines and totals, read, update with a version, status moves, the PDF, the
/// list of a contact's documents, and refusals.
/// </summary>
public sealed class DocumentsApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> ApiAsync(string role = "PortalManager")
    {
        using var admin = await factory.SignedInAdminAsync();
        return factory.ApiClient(await admin.CreateApiKeyAsync($"Key {Guid.NewGuid():N}"[..12], role));
    }

    private static object Invoice(int contactId, string number, params object[] lines) => new
    {
        contactId,
        kind = "Invoice",
        number,
        issuedOn = "2026-11-02",
        dueOn = "2026-11-16",
        currency = "eur",
        lines = lines.Length > 0 ? lines : [new { description = "Service", quantity = 1, unitPrice = 100, taxRate = 19 }],
    };

    private static async Task<int> CreateInvoiceAsync(HttpClient api, int contactId, string? number = null)
    {
        var created = await api.PostJsonAsync("/api/v1/documents", Invoice(contactId, number ?? DocumentFlows.Unique("RE")));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.JsonAsync())["id"]!.GetValue<int>();
    }

    private static Task<HttpResponseMessage> UploadPdfAsync(HttpClient api, int documentId, byte[] content, string fileName = "invoice.pdf",
        string contentType = "application/pdf", string? ifMatch = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/documents/{documentId}/pdf") { Content = form };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return api.SendAsync(request);
    }

    private static Task<HttpResponseMessage> ChangeStatusAsync(HttpClient api, int documentId, object body, string? ifMatch = null) =>
        api.PostJsonAsync($"/api/v1/documents/{documentId}/status", body, ifMatch: ifMatch);

    private async Task<DocumentStatus> StoredStatusAsync(int id) =>
        (await factory.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == id))).Status;

    private async Task<byte[]?> StoredPdfAsync(int id) =>
        (await factory.WithDbAsync(db => db.Documents.AsNoTracking().Include(d => d.Pdf).SingleAsync(d => d.Id == id))).Pdf?.Content;

    private const string ConflictDetail = "Someone else changed this at the same time. Please reload and try again.";

    [Fact]
    public async Task An_invoice_created_with_lines_is_answered_with_its_totals_its_location_and_its_version()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Tilo Totals", null);
        var number = DocumentFlows.Unique("RE");

        var created = await api.PostJsonAsync("/api/v1/documents", Invoice(contactId, number,
            new { description = "Consulting", quantity = 2.5m, unitPrice = 100m, taxRate = 19m },
            new { description = "Booklet", quantity = 1m, unitPrice = 10.005m, taxRate = 7m },
            new { description = "Discount", quantity = 1m, unitPrice = -20m, taxRate = 19m }));

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var document = await created.JsonAsync();
        var id = document["id"]!.GetValue<int>();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/documents/{id}");
        document["kind"]!.GetValue<string>().ShouldBe("Invoice");
        document["status"]!.GetValue<string>().ShouldBe("Draft");
        document["currency"]!.GetValue<string>().ShouldBe("EUR");
        document["contactId"]!.GetValue<int>().ShouldBe(contactId);
        // 250.00 − 20.00 at 19 % → 43.70; 10.005 → 10.01 at 7 % → 0.70.
        document["lines"]!.AsArray().Select(l => l!["netAmount"]!.GetValue<decimal>()).ShouldBe([250.00m, 10.01m, -20.00m]);
        document["taxes"]!.AsArray().Select(t => t!["taxAmount"]!.GetValue<decimal>()).ShouldBe([0.70m, 43.70m]);
        (document["netAmount"]!.GetValue<decimal>(), document["taxAmount"]!.GetValue<decimal>(), document["totalAmount"]!.GetValue<decimal>())
            .ShouldBe((240.01m, 44.40m, 284.41m));
        document["nextStatuses"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["Sent", "Cancelled"]);
        document["pdf"].ShouldBeNull();

        var read = await api.GetAsync($"/api/v1/documents/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await read.JsonAsync();
        again["number"]!.GetValue<string>().ShouldBe(number);
        read.Headers.ETag!.Tag.ShouldBe($"\"{again["version"]!.GetValue<string>()}\"");
        (await api.GetAsync("/api/v1/documents/99999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_update_with_a_stale_version_is_refused_with_409_and_one_with_the_current_version_is_stored()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Udo Update", null);
        var number = DocumentFlows.Unique("RE");
        var id = await CreateInvoiceAsync(api, contactId, number);
        var etag = (await api.GetAsync($"/api/v1/documents/{id}")).Headers.ETag!.Tag;

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var first = await api.PutJsonAsync($"/api/v1/documents/{id}", Invoice(contactId, number,
            new { description = "Service", quantity = 3, unitPrice = 100, taxRate = 19 }), ifMatch: etag);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await first.JsonAsync())["totalAmount"]!.GetValue<decimal>().ShouldBe(357.00m);
        first.Headers.ETag!.Tag.ShouldNotBe(etag);

        var stale = await api.PutJsonAsync($"/api/v1/documents/{id}", Invoice(contactId, number,
            new { description = "Service", quantity = 9, unitPrice = 100, taxRate = 19 }), ifMatch: etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await factory.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == id))).TotalAmount.ShouldBe(357.00m);

        var version = (await (await api.GetAsync($"/api/v1/documents/{id}")).JsonAsync())["version"]!.GetValue<string>();
        var staleInBody = await api.PutJsonAsync($"/api/v1/documents/{id}", new
        {
            number,
            issuedOn = "2026-11-02",
            currency = "EUR",
            version = "12345",
            lines = new[] { new { description = "Service", quantity = 2, unitPrice = 100, taxRate = 19 } },
        });
        staleInBody.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var inBody = await api.PutJsonAsync($"/api/v1/documents/{id}", new
        {
            number,
            issuedOn = "2026-11-02",
            currency = "EUR",
            version,
            lines = new[] { new { description = "Service", quantity = 2, unitPrice = 100, taxRate = 19 } },
        });
        inBody.StatusCode.ShouldBe(HttpStatusCode.OK, await inBody.Content.ReadAsStringAsync());
        (await inBody.JsonAsync())["kind"]!.GetValue<string>().ShouldBe("Invoice");
        (await api.PutJsonAsync("/api/v1/documents/99999999", Invoice(contactId, number))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Updates_sent_at_the_same_moment_from_one_version_store_one_and_refuse_the_others_with_409()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Cora Clash", null);
        var number = DocumentFlows.Unique("RE");
        var id = await CreateInvoiceAsync(api, contactId, number);
        var etag = (await api.GetAsync($"/api/v1/documents/{id}")).Headers.ETag!.Tag;
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        using var start = new SemaphoreSlim(0);
        var quantities = new[] { 2, 3, 4, 5, 6, 7 };
        var sending = quantities.Select(async quantity =>
        {
            await start.WaitAsync();
            return (Quantity: quantity, Answer: await api.PutJsonAsync($"/api/v1/documents/{id}", Invoice(contactId, number,
                new { description = "Service", quantity, unitPrice = 100, taxRate = 19 }), ifMatch: etag));
        }).ToList();
        start.Release(sending.Count);
        var answers = await Task.WhenAll(sending);

        var stored = answers.Where(a => a.Answer.StatusCode == HttpStatusCode.OK).ToList();
        stored.Count.ShouldBe(1, string.Join(", ", answers.Select(a => a.Answer.StatusCode)));
        foreach (var (_, refused) in answers.Except(stored))
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        var document = await factory.WithDbAsync(db => db.Documents.AsNoTracking().Include(d => d.Lines).SingleAsync(d => d.Id == id));
        document.Lines.ShouldHaveSingleItem().Quantity.ShouldBe(stored[0].Quantity);
        document.TotalAmount.ShouldBe(stored[0].Quantity * 119m);
    }

    [Fact]
    public async Task A_legal_status_move_is_made_and_an_illegal_one_is_refused_with_the_reason()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Sina Status", null);
        var number = DocumentFlows.Unique("RE");
        var id = await CreateInvoiceAsync(api, contactId, number);

        var sent = await api.PostJsonAsync($"/api/v1/documents/{id}/status", new { status = "Sent" });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        var document = await sent.JsonAsync();
        document["status"]!.GetValue<string>().ShouldBe("Sent");
        document["nextStatuses"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["Paid", "Cancelled"]);

        var backToDraft = await api.PostJsonAsync($"/api/v1/documents/{id}/status", new { status = "Draft" });
        backToDraft.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await backToDraft.JsonAsync();
        problem["code"]!.GetValue<string>().ShouldBe("Document.StatusChangeNotAllowed");
        problem["detail"]!.GetValue<string>().ShouldBe("The document can't move from its current status to this one.");

        var notForInvoices = await api.PostJsonAsync($"/api/v1/documents/{id}/status", new { status = "Confirmed" });
        notForInvoices.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await notForInvoices.JsonAsync())["code"]!.GetValue<string>().ShouldBe("Document.StatusNotForKind");

        var unknown = await api.SendRawJsonAsync(HttpMethod.Post, $"/api/v1/documents/{id}/status", """{"status":"Lost"}""");
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unknown.JsonAsync()).FieldErrors("status").ShouldNotBeEmpty();

        var revised = await api.PutJsonAsync($"/api/v1/documents/{id}", Invoice(contactId, number));
        revised.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await revised.JsonAsync())["code"]!.GetValue<string>().ShouldBe("Document.OnlyDraftsChange");
        (await factory.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == id))).Status.ShouldBe(DocumentStatus.Sent);
    }

    [Fact]
    public async Task Changing_a_documents_status_with_a_stale_version_is_refused_and_changes_nothing()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Stan Stale", null);
        var id = await CreateInvoiceAsync(api, contactId);
        (await ChangeStatusAsync(api, id, new { status = "Sent" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await api.GetAsync($"/api/v1/documents/{id}");
        var etag = read.Headers.ETag!.Tag;
        var version = (await read.JsonAsync())["version"]!.GetValue<string>();

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await ChangeStatusAsync(api, id, new { status = "Cancelled" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var paid = await ChangeStatusAsync(api, id, new { status = "Paid" }, ifMatch: etag);
        paid.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        paid.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await paid.JsonAsync())["detail"]!.GetValue<string>().ShouldBe(ConflictDetail);
        var paidInBody = await ChangeStatusAsync(api, id, new { status = "Paid", version });
        paidInBody.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // A move to the status it already has changes nothing either, but the caller still learns that what they read is gone.
        (await ChangeStatusAsync(api, id, new { status = "Cancelled" }, ifMatch: etag)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var german = factory.ApiClient(api.DefaultRequestHeaders.Authorization!.Parameter, "de");
        (await (await ChangeStatusAsync(german, id, new { status = "Paid" }, ifMatch: etag)).JsonAsync())["detail"]!.GetValue<string>()
            .ShouldBe("Jemand anderes hat dies gleichzeitig geändert. Bitte laden Sie die Seite neu und versuchen Sie es erneut.");

        (await StoredStatusAsync(id)).ShouldBe(DocumentStatus.Cancelled);
        (await api.GetAsync($"/api/v1/documents/{id}")).Headers.ETag!.Tag.ShouldNotBe(etag);
    }

    [Fact]
    public async Task Changing_a_documents_status_with_the_version_read_or_with_none_is_made_and_a_malformed_version_is_a_422()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Vicky Version", null);
        var id = await CreateInvoiceAsync(api, contactId);
        var etag = (await api.GetAsync($"/api/v1/documents/{id}")).Headers.ETag!.Tag;

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var sent = await ChangeStatusAsync(api, id, new { status = "Sent" }, ifMatch: etag);
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        var sentVersion = (await sent.JsonAsync())["version"]!.GetValue<string>();
        sent.Headers.ETag!.Tag.ShouldBe($"\"{sentVersion}\"");
        sent.Headers.ETag.Tag.ShouldNotBe(etag);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var paid = await ChangeStatusAsync(api, id, new { status = "Paid", version = sentVersion });
        paid.StatusCode.ShouldBe(HttpStatusCode.OK, await paid.Content.ReadAsStringAsync());

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await ChangeStatusAsync(api, id, new { status = "Sent" }, ifMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await ChangeStatusAsync(api, id, new { status = "Paid" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var malformed = await ChangeStatusAsync(api, id, new { status = "Sent" }, ifMatch: "\"yesterday\"");
        malformed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await malformed.JsonAsync()).FieldErrors("version").ShouldBe(["This is not a version this API gave out."]);
        var malformedInBody = await ChangeStatusAsync(api, id, new { status = "Sent", version = "-1" });
        (await malformedInBody.JsonAsync()).FieldErrors("version").ShouldNotBeEmpty();
        (await StoredStatusAsync(id)).ShouldBe(DocumentStatus.Paid);
    }

    [Fact]
    public async Task Status_moves_sent_at_the_same_moment_from_one_version_make_one_and_refuse_the_others_with_409()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Rudi Race", null);
        var id = await CreateInvoiceAsync(api, contactId);
        var sent = await ChangeStatusAsync(api, id, new { status = "Sent" });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = sent.Headers.ETag!.Tag;
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        using var start = new SemaphoreSlim(0);
        var targets = new[] { DocumentStatus.Paid, DocumentStatus.Cancelled, DocumentStatus.Paid, DocumentStatus.Cancelled };
        var sending = targets.Select(async status =>
        {
            await start.WaitAsync();
            return (Status: status, Answer: await ChangeStatusAsync(api, id, new { status = status.ToString() }, ifMatch: etag));
        }).ToList();
        start.Release(sending.Count);
        var answers = await Task.WhenAll(sending);

        var made = answers.Where(a => a.Answer.StatusCode == HttpStatusCode.OK).ToList();
        made.Count.ShouldBe(1, string.Join(", ", answers.Select(a => a.Answer.StatusCode)));
        foreach (var (_, refused) in answers.Except(made))
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        (await StoredStatusAsync(id)).ShouldBe(made[0].Status);
    }

    [Fact]
    public async Task Uploading_a_pdf_with_a_stale_version_is_refused_and_keeps_the_pdf_it_had()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Petra Pdf", null);
        var id = await CreateInvoiceAsync(api, contactId);
        var first = DocumentFlows.SamplePdf("first");
        var uploaded = await UploadPdfAsync(api, id, first);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        var etag = uploaded.Headers.ETag!.Tag;

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var theirs = DocumentFlows.SamplePdf("theirs");
        (await UploadPdfAsync(api, id, theirs, "theirs.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mine = await UploadPdfAsync(api, id, DocumentFlows.SamplePdf("mine"), "mine.pdf", ifMatch: etag);
        mine.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        mine.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await mine.JsonAsync())["detail"]!.GetValue<string>().ShouldBe(ConflictDetail);
        (await StoredPdfAsync(id)).ShouldBe(theirs);

        // A status move is a change too: a PDF chosen for the draft that was read doesn't replace the one of the sent invoice.
        var beforeMove = (await api.GetAsync($"/api/v1/documents/{id}")).Headers.ETag!.Tag;
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await ChangeStatusAsync(api, id, new { status = "Sent" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await UploadPdfAsync(api, id, DocumentFlows.SamplePdf("late"), ifMatch: beforeMove)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await StoredPdfAsync(id)).ShouldBe(theirs);
    }

    [Fact]
    public async Task Uploading_a_pdf_with_the_version_read_or_with_none_is_stored_and_a_malformed_version_is_a_422()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Vera Versioned", null);
        var id = await CreateInvoiceAsync(api, contactId);
        var etag = (await api.GetAsync($"/api/v1/documents/{id}")).Headers.ETag!.Tag;

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var first = DocumentFlows.SamplePdf("first");
        var uploaded = await UploadPdfAsync(api, id, first, ifMatch: etag);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        uploaded.Headers.ETag!.Tag.ShouldNotBe(etag);
        (await StoredPdfAsync(id)).ShouldBe(first);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await UploadPdfAsync(api, id, DocumentFlows.SamplePdf("weak"), ifMatch: $"W/{uploaded.Headers.ETag.Tag}"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await UploadPdfAsync(api, id, DocumentFlows.SamplePdf("any"), ifMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var withoutVersion = DocumentFlows.SamplePdf("unchecked");
        (await UploadPdfAsync(api, id, withoutVersion)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var malformed = await UploadPdfAsync(api, id, DocumentFlows.SamplePdf("malformed"), ifMatch: "\"v2\"");
        malformed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await malformed.JsonAsync()).FieldErrors("version").ShouldBe(["This is not a version this API gave out."]);
        (await StoredPdfAsync(id)).ShouldBe(withoutVersion);
    }

    [Fact]
    public async Task A_pdf_is_uploaded_replaced_and_downloaded_and_a_file_that_is_empty_not_a_pdf_or_too_large_is_refused()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Paul Pdf", null);
        var id = await CreateInvoiceAsync(api, contactId);
        var pdf = DocumentFlows.SamplePdf("first");

        var uploaded = await UploadPdfAsync(api, id, pdf, "RE 1.pdf");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        var info = (await uploaded.JsonAsync())["pdf"]!;
        info["fileName"]!.GetValue<string>().ShouldBe("RE 1.pdf");
        info["sizeBytes"]!.GetValue<long>().ShouldBe(pdf.Length);

        var replacement = DocumentFlows.SamplePdf("second, a little longer");
        (await UploadPdfAsync(api, id, replacement, "replacement.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var download = await api.GetAsync($"/api/v1/documents/{id}/pdf");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(replacement);

        var png = await UploadPdfAsync(api, id, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "picture.pdf", "image/png");
        png.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await png.JsonAsync()).FieldErrors("file").ShouldBe(["This file is not a PDF document."]);

        var empty = await UploadPdfAsync(api, id, [], "empty.pdf");
        empty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var emptyProblem = await empty.JsonAsync();
        emptyProblem.FieldErrors("file").ShouldBe(["Please choose a PDF file."], emptyProblem.ToJsonString());

        var tooLarge = new byte[DocumentFile.MaxSizeBytes + 1];
        DocumentFlows.SamplePdf().CopyTo(tooLarge, 0);
        var large = await UploadPdfAsync(api, id, tooLarge);
        large.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await large.JsonAsync()).FieldErrors("file").ShouldBe(["The PDF file is larger than 10 MB."]);

        var huge = await UploadPdfAsync(api, id, new byte[21 * 1024 * 1024]);
        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        var notAForm = await api.SendRawJsonAsync(HttpMethod.Put, $"/api/v1/documents/{id}/pdf", "{}");
        notAForm.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        notAForm.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        (await (await api.GetAsync($"/api/v1/documents/{id}/pdf")).Content.ReadAsByteArrayAsync()).ShouldBe(replacement);
        var withoutPdf = await CreateInvoiceAsync(api, contactId);
        (await api.GetAsync($"/api/v1/documents/{withoutPdf}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_contacts_documents_are_listed_a_page_at_a_time_and_filtered_by_kind_and_status()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Lisa List", null);
        var other = await api.CreateContactThroughApiAsync("Olaf Other", null);
        var first = await CreateInvoiceAsync(api, contactId);
        var second = await CreateInvoiceAsync(api, contactId);
        var quotation = await api.PostJsonAsync("/api/v1/documents", new
        {
            contactId,
            kind = "Quotation",
            number = DocumentFlows.Unique("AN"),
            issuedOn = "2026-11-01",
            currency = "EUR",
            lines = new[] { new { description = "Offer", quantity = 1, unitPrice = 50, taxRate = 19 } },
        });
        quotation.StatusCode.ShouldBe(HttpStatusCode.Created, await quotation.Content.ReadAsStringAsync());
        await CreateInvoiceAsync(api, other);
        await api.PostJsonAsync($"/api/v1/documents/{second}/status", new { status = "Sent" });

        var page = await api.GetAsync($"/api/v1/contacts/{contactId}/documents?pageSize=2");
        page.StatusCode.ShouldBe(HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        var firstPage = await page.JsonAsync();
        firstPage["items"]!.AsArray().Count.ShouldBe(2);
        var cursor = firstPage["nextCursor"]!.GetValue<string>();
        var secondPage = await (await api.GetAsync($"/api/v1/contacts/{contactId}/documents?pageSize=2&cursor={Uri.EscapeDataString(cursor)}"))
            .JsonAsync();
        secondPage["items"]!.AsArray().Count.ShouldBe(1);
        secondPage["nextCursor"].ShouldBeNull();
        // Newest first: the invoices of 2 November before the quotation of 1 November, the later of them first.
        firstPage["items"]!.AsArray().Concat(secondPage["items"]!.AsArray()).Select(i => i!["id"]!.GetValue<int>())
            .ShouldBe([second, first, (await quotation.JsonAsync())["id"]!.GetValue<int>()]);

        var quotations = await (await api.GetAsync($"/api/v1/contacts/{contactId}/documents?kind=Quotation")).JsonAsync();
        quotations["items"]!.AsArray().Select(i => i!["kind"]!.GetValue<string>()).ShouldBe(["Quotation"]);
        var sentOnes = await (await api.GetAsync($"/api/v1/contacts/{contactId}/documents?status=Sent")).JsonAsync();
        sentOnes["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ShouldBe([second]);

        (await api.GetAsync("/api/v1/contacts/99999999/documents")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_read_only_key_reads_documents_but_every_write_is_refused_with_403_and_changes_nothing()
    {
        using var manager = await ApiAsync();
        using var reader = await ApiAsync("ReadOnly");
        var contactId = await manager.CreateContactThroughApiAsync("Rita Reader", null);
        var number = DocumentFlows.Unique("RE");
        var id = await CreateInvoiceAsync(manager, contactId, number);

        (await reader.GetAsync($"/api/v1/documents/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.GetAsync($"/api/v1/contacts/{contactId}/documents")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var create = await reader.PostJsonAsync("/api/v1/documents", Invoice(contactId, DocumentFlows.Unique("RE")));
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await create.JsonAsync())["code"]!.GetValue<string>().ShouldBe("Staff.NotPermitted");
        (await reader.PutJsonAsync($"/api/v1/documents/{id}", Invoice(contactId, number,
            new { description = "More", quantity = 5, unitPrice = 100, taxRate = 19 }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reader.PostJsonAsync($"/api/v1/documents/{id}/status", new { status = "Sent" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await UploadPdfAsync(reader, id, DocumentFlows.SamplePdf())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var stored = await factory.WithDbAsync(db => db.Documents.AsNoTracking().Include(d => d.Pdf).Where(d => d.ContactId == contactId).ToListAsync());
        var only = stored.ShouldHaveSingleItem();
        (only.Status, only.TotalAmount, only.Pdf).ShouldBe((DocumentStatus.Draft, 119.00m, null));
    }

    [Fact]
    public async Task An_unknown_contact_a_wrong_type_and_an_invalid_line_are_422s_naming_the_field()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Vera Valid", null);

        var unknownContact = await api.PostJsonAsync("/api/v1/documents", Invoice(99999999, DocumentFlows.Unique("RE")));
        unknownContact.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unknownContact.JsonAsync()).FieldErrors("contactId").ShouldBe(["There is no contact with this id."]);

        var wrongType = await api.SendRawJsonAsync(HttpMethod.Post, "/api/v1/documents",
            $$"""{"contactId":{{contactId}},"kind":"Invoice","number":"X-1","issuedOn":"2026-11-02","currency":"EUR","lines":[{"description":"A","quantity":"many","unitPrice":1,"taxRate":19}]}""");
        wrongType.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await wrongType.JsonAsync()).FieldErrors("lines[0].quantity").ShouldBe(["The value has the wrong type or format."]);

        var badDate = await api.SendRawJsonAsync(HttpMethod.Post, "/api/v1/documents",
            $$"""{"contactId":{{contactId}},"kind":"Invoice","number":"X-1","issuedOn":"2. November","currency":"EUR","lines":[]}""");
        (await badDate.JsonAsync()).FieldErrors("issuedOn").ShouldBe(["The value has the wrong type or format."]);

        var kindless = await api.PostJsonAsync("/api/v1/documents", new
        {
            contactId,
            number = DocumentFlows.Unique("RE"),
            issuedOn = "2026-11-02",
            currency = "EUR",
            lines = new[] { new { description = "Service", quantity = 1, unitPrice = 10, taxRate = 19 } },
        });
        kindless.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await kindless.JsonAsync()).FieldErrors("kind").ShouldBe(["Please choose quotation, sales order, invoice or credit note."]);

        using var german = factory.ApiClient(api.DefaultRequestHeaders.Authorization!.Parameter, "de");
        var invalid = await german.PostJsonAsync("/api/v1/documents", new
        {
            contactId,
            kind = "Quotation",
            number = "",
            issuedOn = "2026-11-02",
            dueOn = "2026-11-20",
            currency = "XYZ",
            lines = new object[]
            {
                new { description = "Fine", quantity = 1, unitPrice = 10, taxRate = 19 },
                new { description = "Nothing", quantity = 0, unitPrice = 10, taxRate = 19 },
            },
            shoeSize = 42,
        });
        invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await invalid.JsonAsync();
        problem.FieldErrors("number").ShouldNotBeEmpty(problem.ToJsonString());
        problem.FieldErrors("dueOn").ShouldBe(["Nur Rechnungen haben ein Fälligkeitsdatum."], problem.ToJsonString());
        problem.FieldErrors("currency").ShouldNotBeEmpty();
        problem.FieldErrors("lines[1].quantity").ShouldNotBeEmpty();
        problem.FieldErrors("lines[0].quantity").ShouldBeEmpty();
        (await factory.WithDbAsync(db => db.Documents.CountAsync(d => d.ContactId == contactId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_answers_with_the_same_document_and_creates_no_second()
    {
        using var api = await ApiAsync();
        var contactId = await api.CreateContactThroughApiAsync("Ida Idem", null);
        var number = DocumentFlows.Unique("RE");
        var key = Guid.NewGuid().ToString();

        var first = await api.PostJsonAsync("/api/v1/documents", Invoice(contactId, number), key);
        var retry = await api.PostJsonAsync("/api/v1/documents", Invoice(contactId, number), key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await factory.WithDbAsync(db => db.Documents.CountAsync(d => d.Number == number))).ShouldBe(1);

        var withoutKey = await api.PostJsonAsync("/api/v1/documents", Invoice(contactId, number));
        withoutKey.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await withoutKey.JsonAsync()).FieldErrors("number").ShouldBe(["Another document of this kind already has this number."]);
    }
}
