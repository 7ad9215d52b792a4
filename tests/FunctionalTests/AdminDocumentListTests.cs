using System.Globalization;
using System.Net;
using Portal.Domain.Documents;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// /admin/documents: every document, drafts included, filtered, searched by number, sorted and paged by keyset. Each test
/// marks its documents with a number of its own and searches for it, so the class's tests share one portal.
/// </summary>
public sealed class AdminDocumentListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // The factory's clock stands at 2026-11-29.
    private static readonly DateOnly Start = new(2026, 9, 1);

    [Fact]
    public async Task Kind_status_contact_date_range_and_overdue_filters_combine_with_the_number_search()
    {
        using var admin = await factory.SignedInAdminAsync();
        var tag = Tag();
        var person = await admin.CreateContactAsync("Paula Person", null);
        var company = await admin.CreateContactAsync("Filter Firma GmbH", null, kind: "Company");
        var overdue = await factory.AddDocumentAsync(person, DocumentKind.Invoice, $"RE-{tag}-1", DocumentStatus.Sent,
            new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15));
        var paid = await factory.AddDocumentAsync(person, DocumentKind.Invoice, $"RE-{tag}-2", DocumentStatus.Paid,
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 15));
        var draft = await factory.AddDocumentAsync(company, DocumentKind.Quotation, $"AN-{tag}-3", DocumentStatus.Draft,
            new DateOnly(2026, 11, 10));
        var credit = await factory.AddDocumentAsync(company, DocumentKind.CreditNote, $"GS-{tag}-4", DocumentStatus.Sent,
            new DateOnly(2026, 9, 15));
        var open = await factory.AddDocumentAsync(company, DocumentKind.Invoice, $"RE-{tag}-5", DocumentStatus.Sent,
            new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 31));
        Task<List<int>> Listed(string filters) => IdsAsync(admin, $"/admin/documents?number={tag}{filters}");

        (await Listed("")).ShouldBe([open, draft, paid, overdue, credit], "newest first, drafts included");
        (await IdsAsync(admin, $"/admin/documents?number=re-{tag.ToLowerInvariant()}")).ShouldBe([open, paid, overdue], ignoreOrder: true,
            "the search ignores case");
        (await Listed("&kind=Invoice")).ShouldBe([open, paid, overdue]);
        (await Listed("&status=Sent")).ShouldBe([open, overdue, credit]);
        (await Listed($"&contact={person}")).ShouldBe([paid, overdue]);
        (await Listed("&from=2026-11-01&to=2026-11-15")).ShouldBe([draft, paid], "both days included");
        (await Listed("&overdue=true")).ShouldBe([overdue]);
        (await Listed($"&kind=Invoice&contact={company}")).ShouldBe([open]);
        (await IdsAsync(admin, "/admin/documents?number=%25")).ShouldBeEmpty("a % is a character, not a wildcard");

        var ofCompany = await admin.GetAsync($"/admin/documents?number={tag}&contact={company}");
        ofCompany.Document.QuerySelector("[data-testid='contact-filter']")!.TextContent.ShouldContain("Documents of Filter Firma GmbH");
        ofCompany.Document.QuerySelector($"tr[data-document-id='{open}']")!.TextContent.ShouldContain("Filter Firma GmbH");
        var reversed = await admin.GetAsync($"/admin/documents?number={tag}&from=2026-11-15&to=2026-11-01");
        reversed.Status.ShouldBe(HttpStatusCode.OK);
        reversed.Document.QuerySelector("[data-testid='filter-refusal']")!.TextContent.Trim()
            .ShouldBe("The start of the date range is after its end.");
        Ids(reversed).Count.ShouldBe(5, "the list is still shown, without the range");
    }

    [Theory]
    [InlineData("Date", false)]
    [InlineData("Date", true)]
    [InlineData("Number", false)]
    [InlineData("Number", true)]
    [InlineData("Total", false)]
    [InlineData("Total", true)]
    [InlineData("DueDate", false)]
    [InlineData("DueDate", true)]
    public async Task Each_sort_in_both_directions_pages_through_every_document_once_in_order(string sort, bool descending)
    {
        using var admin = await factory.SignedInAdminAsync();
        var tag = Tag();
        var contact = await admin.CreateContactAsync("Sören Sort", null);
        var documents = new List<(int Id, DateOnly IssuedOn, string Number, decimal Price, DateOnly? DueOn)>();
        for (var i = 0; i < 30; i++)
        {
            // Permutations of 0..29, so that every sort orders the rows differently; every other one has no due date.
            var issued = Start.AddDays(i * 7 % 30);
            var number = $"{tag}-{i * 11 % 30:D2}";
            var price = i * 13 % 30 * 10 + 5m;
            DateOnly? due = i % 2 == 0 ? issued.AddDays(i * 3 % 30) : null;
            var id = await factory.AddDocumentAsync(contact, due is null ? DocumentKind.SalesOrder : DocumentKind.Invoice, number,
                DocumentStatus.Draft, issued, due, price);
            documents.Add((id, issued, number, price, due));
        }
        IEnumerable<int> Expected()
        {
            var ordered = sort switch
            {
                "Number" => documents.OrderBy(d => d.Number, StringComparer.Ordinal).ThenBy(d => d.Id),
                "Total" => documents.OrderBy(d => d.Price).ThenBy(d => d.Id),
                // No due date sorts as the latest: last ascending, first descending.
                "DueDate" => documents.OrderBy(d => d.DueOn is null).ThenBy(d => d.DueOn).ThenBy(d => d.Id),
                _ => documents.OrderBy(d => d.IssuedOn).ThenBy(d => d.Id),
            };
            return (descending ? ordered.Reverse() : ordered).Select(d => d.Id);
        }

        var first = await admin.GetAsync($"/admin/documents?number={tag}&sort={sort}&desc={(descending ? "true" : "false")}");
        Ids(first).Count.ShouldBe(25);
        var second = await admin.GetAsync(PagerLink(first, "Next"));
        var last = await admin.GetAsync(PagerLink(first, "Last"));
        var back = await admin.GetAsync(PagerLink(second, "Previous"));

        Ids(first).Concat(Ids(second)).ShouldBe(Expected());
        Ids(last).ShouldBe(Expected().Skip(5));
        Ids(back).ShouldBe(Ids(first));
        first.Document.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort").ShouldBe(descending ? "descending" : "ascending");
    }

    [Fact]
    public async Task Read_only_staff_reach_the_list_in_German_from_the_menu_and_a_contact_and_open_each_document_from_its_row()
    {
        using var admin = await factory.SignedInAdminAsync();
        var tag = Tag();
        var contact = await admin.CreateContactAsync("Lena Lesend", null);
        var invoice = await factory.AddDocumentAsync(contact, DocumentKind.Invoice, $"RE-{tag}", DocumentStatus.Sent,
            new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 16));
        var (reader, _) = await factory.SignedInColleagueAsync($"lesend.{tag.ToLowerInvariant()}@contoso.example", "Rolf Reader", StaffRole.ReadOnly);
        using var _1 = reader;
        using var german = factory.NewBrowser("de", reader.Cookies);

        var home = await german.GetAsync("/admin");
        var list = await german.GetAsync(home.Document.QuerySelectorAll("nav a").Single(a => a.TextContent.Trim() == "Belege")
            .GetAttribute("href")!);
        list.Path.ShouldBe("/admin/documents");
        list.Document.QuerySelector("h1")!.TextContent.ShouldBe("Belege");
        list.Document.QuerySelector("label[for='from']")!.TextContent.ShouldBe("Ausgestellt ab");

        var contactPage = await german.GetAsync($"/admin/contacts/{contact}");
        var filtered = await german.GetAsync(contactPage.Document.QuerySelectorAll("main a")
            .Single(a => a.TextContent.Trim() == "Alle Belege dieses Kontakts").GetAttribute("href")!);
        Ids(filtered).ShouldBe([invoice]);
        filtered.Document.QuerySelector("[data-testid='contact-filter']")!.TextContent.ShouldContain("Belege von Lena Lesend");
        var row = filtered.Document.QuerySelector($"tr[data-document-id='{invoice}']")!;
        row.TextContent.ShouldContain("Rechnung");
        row.TextContent.ShouldContain("Versendet");
        var opened = await german.GetAsync(row.QuerySelector("[data-testid='document-number']")!.GetAttribute("href")!);
        opened.Path.ShouldBe($"/admin/documents/{invoice}");
        opened.Status.ShouldBe(HttpStatusCode.OK);
        (await german.GetAsync($"/admin/documents?number={tag}&from=2026-11-15&to=2026-11-01"))
            .Document.QuerySelector("[data-testid='filter-refusal']")!.TextContent.Trim()
            .ShouldBe("Der Beginn des Zeitraums liegt nach seinem Ende.");
    }

    private static string Tag() => Guid.NewGuid().ToString("n")[..8].ToUpperInvariant();

    private static async Task<List<int>> IdsAsync(PortalBrowser browser, string address) => Ids(await browser.GetAsync(address));

    private static List<int> Ids(Page list) => list.Document.QuerySelectorAll("tr[data-document-id]")
        .Select(r => int.Parse(r.GetAttribute("data-document-id")!, CultureInfo.InvariantCulture)).ToList();

    private static string PagerLink(Page list, string text) =>
        list.Document.QuerySelectorAll("a.page-link").Single(a => a.TextContent.Trim() == text).GetAttribute("href")!;
}
