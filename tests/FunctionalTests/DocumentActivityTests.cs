using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Activity;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// Every change staff or an API key makes to a customer's document is in the activity list: on that contact's activity and in
/// /admin/activity, naming the document and who did it.
/// </summary>
public sealed class DocumentActivityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Marking_an_invoice_paid_writes_who_did_it_to_the_contacts_activity()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Paula Paid", $"paula.{Guid.NewGuid():n}@example.com");
        var number = DocumentFlows.Unique("RE");
        var id = await admin.CreateDocumentAsync(contactId, "Invoice", number, status: "Sent");

        await admin.ChangeStatusAsync(id, "Paid");

        // The contact has no portal access: its page still leads to its activity.
        var contact = await admin.GetAsync($"/admin/contacts/{contactId}");
        var link = contact.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("All activity for this contact"));
        var rows = Rows(await admin.GetAsync(link.GetAttribute("href")!));
        rows.Count.ShouldBe(3);
        rows[0].ShouldContain("Document status changed");
        rows[0].ShouldContain($"Invoice {number}");
        rows[0].ShouldContain("Sent → Paid");
        rows[1].ShouldContain("Draft → Sent");
        rows[2].ShouldContain("Document created");
        rows.ShouldAllBe(row => row.Contains($"Invoice {number}") && row.Contains(PortalFactory.AdminEmail));

        var stored = await factory.WithDbAsync(db => db.ActivityEntries.AsNoTracking().Where(a => a.ContactId == contactId).ToListAsync());
        var adminId = await factory.AdministratorIdAsync();
        stored.ShouldAllBe(a => a.ActorUserId == adminId && a.ActorKind == ActivityActorKind.Staff && a.SubjectName == number);
    }

    [Fact]
    public async Task Editing_a_draft_and_attaching_replacing_and_removing_its_PDF_each_leave_an_entry()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Edgar Edit", $"edgar.{Guid.NewGuid():n}@example.com");
        var number = DocumentFlows.Unique("SO");
        var id = await admin.CreateDocumentAsync(contactId, "SalesOrder", number);

        var edit = await admin.GetAsync($"/admin/documents/{id}/edit");
        (await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?> { ["Input.Lines[0].Quantity"] = "4" }))
            .Text.ShouldContain("The document has been saved.");
        // Saving again without a change is no change to record.
        (await admin.SubmitAsync(await admin.GetAsync($"/admin/documents/{id}/edit"), "Save"))
            .Text.ShouldContain("The document has been saved.");
        (await admin.UploadPdfAsync(id, DocumentFlows.SamplePdf("first"), "order.pdf")).Text.ShouldContain("The PDF has been saved.");
        (await admin.UploadPdfAsync(id, DocumentFlows.SamplePdf("second"), "order-v2.pdf")).Text.ShouldContain("The PDF has been saved.");
        (await admin.SubmitAsync(await admin.GetAsync($"/admin/documents/{id}"), "Remove PDF")).Text.ShouldContain("The PDF has been removed.");

        var rows = Rows(await admin.GetAsync($"/admin/activity?contactId={contactId}"));

        rows.Count.ShouldBe(5);
        rows[0].ShouldContain("Document PDF removed");
        rows[0].ShouldContain("order-v2.pdf");
        rows[1].ShouldContain("Document PDF replaced");
        rows[1].ShouldContain("order-v2.pdf");
        rows[2].ShouldContain("Document PDF attached");
        rows[2].ShouldContain("order.pdf");
        rows[3].ShouldContain("Draft document changed");
        rows[3].ShouldContain("Lines");
        rows[4].ShouldContain("Document created");
        rows.ShouldAllBe(row => row.Contains($"Sales order {number}") && row.Contains(PortalFactory.AdminEmail));
    }

    [Fact]
    public async Task Creating_a_document_through_the_api_records_the_api_key_as_the_actor()
    {
        var keyName = $"ERP {Guid.NewGuid():N}"[..12];
        string key;
        using (var admin = await factory.SignedInAdminAsync()) key = await admin.CreateApiKeyAsync(keyName);
        using var api = factory.ApiClient(key);
        var contactId = await api.CreateContactThroughApiAsync("Arne Api", null);
        var number = DocumentFlows.Unique("CN");
        var document = new
        {
            contactId,
            kind = "CreditNote",
            number,
            issuedOn = "2026-11-02",
            currency = "EUR",
            lines = new[] { new { description = "Refund", quantity = 1, unitPrice = 50, taxRate = 19 } },
        };

        var created = await api.PostJsonAsync("/api/v1/documents", document);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync())["id"]!.GetValue<int>();
        var etag = (await api.GetAsync($"/api/v1/documents/{id}")).Headers.ETag!.Tag;
        (await api.PutJsonAsync($"/api/v1/documents/{id}", document with { issuedOn = "2026-11-03" }, ifMatch: etag))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(DocumentFlows.SamplePdf(number));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "credit.pdf");
        (await api.PutAsync($"/api/v1/documents/{id}/pdf", form)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostJsonAsync($"/api/v1/documents/{id}/status", new { status = "Sent" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var reader = await factory.SignedInAdminAsync();
        var rows = Rows(await reader.GetAsync($"/admin/activity?contactId={contactId}"))
            .Where(row => row.Contains($"Credit note {number}")).ToList();
        rows.Count.ShouldBe(4);
        rows[0].ShouldContain("Draft → Sent");
        rows[1].ShouldContain("Document PDF attached");
        rows[2].ShouldContain("Draft document changed");
        rows[2].ShouldContain("Date");
        rows[3].ShouldContain("Document created");
        rows.ShouldAllBe(row => row.Contains($"API key {keyName}"));

        var stored = await factory.WithDbAsync(db => db.ActivityEntries.AsNoTracking()
            .Where(a => a.ContactId == contactId && a.SubjectName == number).ToListAsync());
        stored.Count.ShouldBe(4);
        stored.ShouldAllBe(a => a.ActorKind == ActivityActorKind.ApiKey && a.ActorUserId == null && a.ActorName == keyName);
    }

    [Fact]
    public async Task A_refused_change_leaves_no_entry()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Rita Refused", $"rita.{Guid.NewGuid():n}@example.com");
        var id = await admin.CreateDocumentAsync(contactId, "Invoice", DocumentFlows.Unique("RE"));

        var forged = await admin.SubmitAsync(await admin.GetAsync($"/admin/documents/{id}"), "Change status",
            new Dictionary<string, string?> { ["NewStatus"] = "Paid" });
        forged.Text.ShouldContain("The document can't move from its current status to this one.");

        Rows(await admin.GetAsync($"/admin/activity?contactId={contactId}")).ShouldHaveSingleItem().ShouldContain("Document created");
    }

    [Fact]
    public async Task The_kind_filter_offers_the_document_changes_and_finds_only_those()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Filip Filter", $"filip.{Guid.NewGuid():n}@example.com");
        var number = DocumentFlows.Unique("Q");
        await admin.CreateDocumentAsync(contactId, "Quotation", number, status: "Sent");

        var list = await admin.GetAsync($"/admin/activity?kind={ActivityKind.DocumentStatusChanged}&contactId={contactId}");

        var options = list.Document.QuerySelectorAll("#kind option").Select(o => o.TextContent.Trim()).ToList();
        options.ShouldContain("Document created");
        options.ShouldContain("Document status changed");
        options.ShouldContain("Document PDF removed");
        Rows(list).ShouldHaveSingleItem().ShouldContain($"Quotation {number}");
        // The contact search finds a document's entries by its number too.
        Rows(await admin.GetAsync($"/admin/activity?contact={number}")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_document_activity_is_in_German_for_a_German_reader()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Dieter Dokument", $"dieter.{Guid.NewGuid():n}@example.com");
        var number = DocumentFlows.Unique("RE");
        await admin.CreateDocumentAsync(contactId, "Invoice", number, status: "Paid");
        using var germanAdmin = await factory.SignedInAdminAsync("de");

        var rows = Rows(await germanAdmin.GetAsync($"/admin/activity?contactId={contactId}"));

        rows.Count.ShouldBe(3);
        rows[0].ShouldContain("Dokumentstatus geändert");
        rows[0].ShouldContain($"Rechnung {number}");
        rows[0].ShouldContain("Versendet → Bezahlt");
        rows[2].ShouldContain("Dokument erstellt");
    }

    private static List<string> Rows(Page list) =>
        list.Document.QuerySelectorAll("#activity tbody tr").Select(r => r.TextContent).Where(t => !t.Contains("Nothing matches")).ToList();
}
