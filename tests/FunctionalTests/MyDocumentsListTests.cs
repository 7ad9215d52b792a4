using System.IO.Compression;
using System.Net;
using Portal.Domain.Documents;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>The customer's document list: search by number, kind/status/overdue filters, and the selected PDFs as one ZIP.</summary>
public sealed class MyDocumentsListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // The factory's clock stands at 2026-11-29.
    private static readonly DateOnly LongAgo = new(2026, 10, 1);

    [Fact]
    public async Task Search_by_number_and_the_kind_status_and_overdue_filters_combine_and_stay_in_the_paging_links()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.CustomerAsync(admin, "Nina Numbers", $"nina.{Guid.NewGuid():n}@example.com");
        using var _ = customer;
        var tag = Guid.NewGuid().ToString("n")[..6].ToUpperInvariant();
        var overdue = await AddAsync(contactId, DocumentKind.Invoice, $"RE-{tag}-001", DocumentStatus.Sent, dueOn: LongAgo.AddDays(10));
        var open = await AddAsync(contactId, DocumentKind.Invoice, $"RE-{tag}-002", DocumentStatus.Sent,
            dueOn: new DateOnly(2026, 12, 24));
        var paid = await AddAsync(contactId, DocumentKind.Invoice, $"RE-{tag}-003", DocumentStatus.Paid, dueOn: LongAgo.AddDays(10));
        var order = await AddAsync(contactId, DocumentKind.SalesOrder, $"AB-{tag}-001", DocumentStatus.Confirmed);
        // Enough overdue invoices with another number for a second page.
        for (var i = 0; i < 30; i++)
        {
            await AddAsync(contactId, DocumentKind.Invoice, $"X-{tag}.{i:D2}", DocumentStatus.Sent, LongAgo.AddDays(1));
        }

        Ids(await customer.GetAsync($"/my/documents?number={tag.ToLowerInvariant()}-00")).ShouldBe([overdue, open, paid, order],
            ignoreOrder: true, "the search ignores case");
        Ids(await customer.GetAsync($"/my/documents?number=RE-{tag}&status=Sent")).ShouldBe([overdue, open], ignoreOrder: true);
        Ids(await customer.GetAsync($"/my/documents?number=RE-{tag}&overdue=true")).ShouldBe([overdue]);
        Ids(await customer.GetAsync($"/my/documents?number={tag}&kind=SalesOrder")).ShouldBe([order]);
        Ids(await customer.GetAsync($"/my/documents?number={tag}-00&overdue=true&status=Paid")).ShouldBeEmpty();
        Ids(await customer.GetAsync("/my/documents?number=%25")).ShouldBeEmpty("a % is a character, not a wildcard");

        var first = await customer.GetAsync($"/my/documents?number=X-{tag}&overdue=true&kind=Invoice");
        Ids(first).Count.ShouldBe(25);
        first.Document.QuerySelector("#overdue")!.HasAttribute("checked").ShouldBeTrue();
        first.Document.QuerySelector("#number")!.GetAttribute("value").ShouldBe($"X-{tag}");
        var next = first.Document.QuerySelectorAll("a.page-link").Single(a => a.TextContent == "Next").GetAttribute("href")!;
        next.ShouldContain($"number=X-{tag}");
        next.ShouldContain("overdue=true");
        next.ShouldContain("kind=Invoice");
        var second = await customer.GetAsync(next);
        Ids(second).Count.ShouldBe(5);
        Ids(first).Intersect(Ids(second)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_selected_PDFs_download_as_one_ZIP_with_only_documents_the_customer_may_see()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.CustomerAsync(admin, "Zora Zip", $"zora.{Guid.NewGuid():n}@example.com");
        var stranger = await admin.CreateContactAsync("Sven Stranger", $"sven.{Guid.NewGuid():n}@example.com");
        using var _ = customer;
        var tag = Guid.NewGuid().ToString("n")[..6].ToUpperInvariant();
        var first = await AddAsync(contactId, DocumentKind.Invoice, $"RE-{tag}-1", DocumentStatus.Sent, pdf: true);
        var second = await AddAsync(contactId, DocumentKind.Quotation, $"AN-{tag}-2", DocumentStatus.Sent, pdf: true);
        var draft = await AddAsync(contactId, DocumentKind.Invoice, $"RE-{tag}-draft", DocumentStatus.Draft, pdf: true);
        var foreign = await AddAsync(stranger, DocumentKind.Invoice, $"RE-{tag}-foreign", DocumentStatus.Sent, pdf: true);

        var list = await customer.GetAsync($"/my/documents?number={tag}");
        var form = list.Document.QuerySelector("[data-testid=download-zip]")!.Closest("form")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var action = form.GetAttribute("action")!;
        action.ShouldContain("handler=Zip");

        using var zip = await PostAsync(customer, action, token, first, second, draft, foreign, 999_999);

        zip.StatusCode.ShouldBe(HttpStatusCode.OK);
        zip.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        archive.Entries.Select(e => e.FullName).ShouldBe([$"quotation-AN-{tag}-2.pdf", $"invoice-RE-{tag}-1.pdf"], ignoreOrder: true);
        using var reader = new StreamReader(archive.GetEntry($"invoice-RE-{tag}-1.pdf")!.Open());
        (await reader.ReadToEndAsync()).ShouldContain($"RE-{tag}-1");

        using var onlyForeign = await PostAsync(customer, action, token, foreign, draft);
        onlyForeign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        onlyForeign.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/zip");
    }

    [Fact]
    public async Task Pressing_the_button_with_a_ticked_box_downloads_and_refusals_are_explained_in_both_languages()
    {
        using var admin = await factory.SignedInAdminAsync();
        var email = $"tilda.{Guid.NewGuid():n}@example.com";
        var (customer, contactId) = await factory.CustomerAsync(admin, "Tilda Ticks", email);
        using var _ = customer;
        var tag = Guid.NewGuid().ToString("n")[..6].ToUpperInvariant();
        var only = await AddAsync(contactId, DocumentKind.Invoice, $"RE-{tag}", DocumentStatus.Sent, pdf: true);

        var list = await customer.GetAsync("/my/documents");
        var pressed = await customer.SubmitAsync(list, buttonSelector: "[data-testid=download-zip]",
            fields: new Dictionary<string, string?> { ["ids"] = only.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        pressed.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");

        var none = await customer.SubmitAsync(await customer.GetAsync("/my/documents?kind=Invoice"),
            buttonSelector: "[data-testid=download-zip]");
        none.Status.ShouldBe(HttpStatusCode.OK);
        none.Document.QuerySelector("[data-testid=zip-refusal]")!.TextContent.ShouldContain("Please select at least one document.");
        none.Document.QuerySelector("#kind option[selected]")!.GetAttribute("value").ShouldBe("Invoice");

        var form = list.Document.QuerySelector("[data-testid=download-zip]")!.Closest("form")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var tooMany = await PostAsync(customer, form.GetAttribute("action")!, token, Enumerable.Range(1, 51).ToArray());
        tooMany.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tooMany.Content.ReadAsStringAsync()).ShouldContain("You can download at most 50 documents at once.");

        using var german = factory.NewBrowser("de");
        await german.SignInAsync(email, Flows.CustomerPassword);
        var deList = await german.GetAsync("/my/documents");
        deList.Text.ShouldContain("Nur überfällige");
        deList.Text.ShouldContain("Ausgewählte PDFs als ZIP herunterladen");
        var deNone = await german.SubmitAsync(deList, buttonSelector: "[data-testid=download-zip]");
        deNone.Text.ShouldContain("Bitte wählen Sie mindestens ein Dokument aus.");
    }

    private static Task<HttpResponseMessage> PostAsync(PortalBrowser browser, string action, string token, params int[] ids) =>
        browser.Client.PostAsync(action, new FormUrlEncodedContent(
            ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Prepend(new("__RequestVerificationToken", token))));

    private static List<int> Ids(Page list) => list.Document.QuerySelectorAll("tr[data-document-id]")
        .Select(r => int.Parse(r.GetAttribute("data-document-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private Task<int> AddAsync(int contactId, DocumentKind kind, string number, DocumentStatus status, DateOnly? dueOn = null,
        bool pdf = false) =>
        factory.AddDocumentAsync(contactId, kind, number, status, LongAgo, dueOn, pdf: pdf);
}
