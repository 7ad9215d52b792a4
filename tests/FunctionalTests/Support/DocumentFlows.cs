using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Domain.Documents;

namespace Portal.FunctionalTests.Support;

/// <summary>A document line as typed into the back-office form (English number format).</summary>
public sealed record LineRow(string Description, string Quantity, string UnitPrice, string TaxRate);

/// <summary>Document steps through the back-office pages, and the customers they are for.</summary>
public static partial class DocumentFlows
{
    /// <summary>The smallest file every check accepts as a PDF.</summary>
    public static byte[] SamplePdf(string text = "sample") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj <<>> endobj\n% {text}\ntrailer <<>>\n%%EOF\n");

    public static Task<Page> OpenNewDocumentFormAsync(this PortalBrowser admin, int contactId) =>
        admin.GetAsync($"/admin/documents/new?contactId={contactId}");

    /// <summary>Fills in the new-document form and saves; returns the page the browser lands on.</summary>
    public static async Task<Page> SubmitNewDocumentAsync(this PortalBrowser admin, int contactId, string kind, string number,
        LineRow[] lines,
        string? issuedOn = null, string? dueOn = null, string currency = "EUR")
    {
        var form = await admin.OpenNewDocumentFormAsync(contactId);
        form.Status.ShouldBe(System.Net.HttpStatusCode.OK, form.Text);
        var fields = new Dictionary<string, string?>
        {
            ["Input.Kind"] = kind,
            ["Input.Number"] = number,
            ["Input.Currency"] = currency,
            ["Input.DueOn"] = dueOn ?? "",
        };
        if (issuedOn is not null) fields["Input.IssuedOn"] = issuedOn;
        for (var i = 0; i < lines.Length; i++)
        {
            fields[$"Input.Lines[{i}].Description"] = lines[i].Description;
            fields[$"Input.Lines[{i}].Quantity"] = lines[i].Quantity;
            fields[$"Input.Lines[{i}].UnitPrice"] = lines[i].UnitPrice;
            fields[$"Input.Lines[{i}].TaxRate"] = lines[i].TaxRate;
        }
        return await admin.SubmitAsync(form, "Save", fields);
    }

    public static async Task<int> CreateDocumentAsync(this PortalBrowser admin, int contactId, string kind, string number,
        LineRow[]? lines = null,
        string? dueOn = null, string? status = null, bool withPdf = false, string currency = "EUR", string? issuedOn = null)
    {
        var saved = await admin.SubmitNewDocumentAsync(contactId, kind, number, lines ?? [new LineRow("Service", "1", "100", "19")],
            issuedOn, dueOn, currency);
        var match = DocumentPath().Match(saved.Path);
        match.Success.ShouldBeTrue($"Expected the document page, got {saved.Path}: {saved.Text}");
        var id = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (withPdf) (await admin.UploadPdfAsync(id, SamplePdf(number), $"{number}.pdf")).Text.ShouldContain("The PDF has been saved.");
        foreach (var step in StatusSteps(kind, status)) await admin.ChangeStatusAsync(id, step);
        return id;
    }

    /// <summary>The legal moves from draft to <paramref name="status"/>.</summary>
    private static IEnumerable<string> StatusSteps(string kind, string? status) => (kind, status) switch
    {
        (_, null or "Draft") => [],
        ("Invoice" or "CreditNote", "Paid") => ["Sent", "Paid"],
        ("Quotation", "Confirmed") => ["Sent", "Confirmed"],
        _ => [status],
    };

    public static async Task<Page> ChangeStatusAsync(this PortalBrowser admin, int documentId, string status)
    {
        var page = await admin.GetAsync($"/admin/documents/{documentId}");
        var changed = await admin.SubmitAsync(page, "Change status", new Dictionary<string, string?> { ["NewStatus"] = status });
        changed.Text.ShouldContain("The status has been changed.", customMessage: changed.Text);
        return changed;
    }

    public static async Task<Page> UploadPdfAsync(this PortalBrowser admin, int documentId, byte[] content, string fileName,
        string contentType = "application/pdf")
    {
        var page = await admin.GetAsync($"/admin/documents/{documentId}");
        return await admin.SubmitMultipartAsync(page, "Upload PDF", new UploadedFile("pdf", fileName, content, contentType));
    }

    /// <summary>A signed-in portal user for a person, optionally a member of <paramref name="companyId"/>.</summary>
    public static async Task<(PortalBrowser Customer, int ContactId)> CustomerAsync(this PortalFactory factory, PortalBrowser admin,
        string name, string email, int? companyId = null)
    {
        var contactId = await admin.CreateContactAsync(name, email, companyId?.ToString(CultureInfo.InvariantCulture));
        await admin.GrantAsync(contactId);
        var customer = factory.NewBrowser();
        var home = await customer.AcceptInvitationAsync(await factory.LatestInvitationPathAsync(email));
        home.Path.ShouldBe("/my");
        return (customer, contactId);
    }

    /// <summary>
    /// A document straight into the database, moved to <paramref name="status"/> by the domain's own steps: for tests about
    /// lists, not about entering documents. Its total is <paramref name="unitPrice"/> plus 19% tax.
    /// </summary>
    public static async Task<int> AddDocumentAsync(this PortalFactory factory, int contactId, DocumentKind kind,
        string number, DocumentStatus status, DateOnly issuedOn, DateOnly? dueOn = null, decimal unitPrice = 100,
        bool pdf = false)
    {
        var now = factory.Clock.GetUtcNow();
        var document = Document.Create(contactId, kind, number, issuedOn, dueOn, "EUR",
            [new DocumentLineItem("Service", 1, unitPrice, 19)], now, "seed");
        if (pdf) document.AttachPdf($"{number}.pdf", SamplePdf(number), now, "seed");
        foreach (var step in status switch
        {
            DocumentStatus.Draft => [],
            DocumentStatus.Paid => new[] { DocumentStatus.Sent, DocumentStatus.Paid },
            _ => [status],
        })
        {
            document.ChangeStatus(step, now, "seed");
        }
        await factory.WithDbAsync(async db =>
        {
            db.Documents.Add(document);
            await db.SaveChangesAsync();
        });
        return document.Id;
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("n")[..8]}";

    [GeneratedRegex(@"^/admin/documents/(\d+)$")]
    private static partial Regex DocumentPath();
}
