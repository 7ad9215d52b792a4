using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// A portal user sees the non-draft documents of its own contact and of its company — nothing else, and
/// every other id, real or guessed, is a 404 for the page and for the PDF.
/// </summary>
public sealed class DocumentVisibilityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Walking_every_document_id_as_each_of_three_portal_users_finds_zero_leaks()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Acme Holding", $"office.{Guid.NewGuid():n}@acme.example", kind: "Company");
        var otherCompany = await admin.CreateContactAsync("Globex", $"office.{Guid.NewGuid():n}@globex.example", kind: "Company");
        var (anna, annaId) = await factory.CustomerAsync(admin, "Anna Acme", $"anna.{Guid.NewGuid():n}@acme.example", company);
        var (ben, benId) = await factory.CustomerAsync(admin, "Ben Acme", $"ben.{Guid.NewGuid():n}@acme.example", company);
        var (carl, carlId) = await factory.CustomerAsync(admin, "Carl Globex", $"carl.{Guid.NewGuid():n}@globex.example", otherCompany);
        using var _1 = anna;
        using var _2 = ben;
        using var _3 = carl;
        var loner = await admin.CreateContactAsync("Lena Loner", $"lena.{Guid.NewGuid():n}@example.com");

        // Each owner gets a sent invoice, a confirmed order and a draft, every one with a PDF.
        var documentsOf = new Dictionary<int, (int Sent, int Confirmed, int Draft)>();
        foreach (var owner in new[] { company, otherCompany, annaId, benId, carlId, loner })
        {
            documentsOf[owner] = (
                await admin.CreateDocumentAsync(owner, "Invoice", DocumentFlows.Unique("V"), status: "Sent", withPdf: true),
                await admin.CreateDocumentAsync(owner, "SalesOrder", DocumentFlows.Unique("V"), status: "Confirmed", withPdf: true),
                await admin.CreateDocumentAsync(owner, "Quotation", DocumentFlows.Unique("V"), withPdf: true));
        }
        int[] Visible(params int[] owners) => owners.SelectMany(o => new[] { documentsOf[o].Sent, documentsOf[o].Confirmed }).ToArray();
        var viewers = new (string Name, PortalBrowser Browser, int[] Expected)[]
        {
            ("Anna", anna, Visible(annaId, company)),
            ("Ben", ben, Visible(benId, company)),
            ("Carl", carl, Visible(carlId, otherCompany)),
        };

        var ids = await factory.WithDbAsync(db => db.Documents.Select(d => d.Id).ToListAsync());
        ids.Count.ShouldBeGreaterThanOrEqualTo(18);
        var probes = ids.Concat(ids.Select(id => id + 1000)).Concat([0, -1, int.MaxValue]).Distinct().ToList();

        var leaks = new List<string>();
        foreach (var (name, browser, expected) in viewers)
        {
            foreach (var id in probes)
            {
                var shouldSee = expected.Contains(id);
                var page = await browser.Client.GetAsync($"/my/documents/{id}");
                var pdf = await browser.Client.GetAsync($"/my/documents/{id}/pdf");
                var wanted = shouldSee ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                if (page.StatusCode != wanted) leaks.Add($"{name} page {id}: {(int)page.StatusCode}, expected {(int)wanted}");
                if (pdf.StatusCode != wanted) leaks.Add($"{name} pdf {id}: {(int)pdf.StatusCode}, expected {(int)wanted}");
                if (!shouldSee && pdf.Content.Headers.ContentType?.MediaType == "application/pdf")
                    leaks.Add($"{name} got PDF bytes of {id}");
            }

            var listed = new List<int>();
            var list = await browser.GetAsync("/my/documents");
            listed.AddRange(list.Document.QuerySelectorAll("tr[data-document-id]")
                .Select(r => int.Parse(r.GetAttribute("data-document-id")!, System.Globalization.CultureInfo.InvariantCulture)));
            listed.Order().ShouldBe(expected.Order(), $"{name}'s list");
        }

        leaks.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_person_moved_out_of_the_company_no_longer_sees_its_documents()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Initech", $"office.{Guid.NewGuid():n}@initech.example", kind: "Company");
        var (peter, peterId) = await factory.CustomerAsync(admin, "Peter Initech", $"peter.{Guid.NewGuid():n}@initech.example", company);
        using var _ = peter;
        var invoice = await admin.CreateDocumentAsync(company, "Invoice", DocumentFlows.Unique("M"), status: "Sent", withPdf: true);
        (await peter.Client.GetAsync($"/my/documents/{invoice}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var edit = await admin.GetAsync($"/admin/contacts/{peterId}/edit");
        (await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?> { ["CompanyId"] = "" })).Text
            .ShouldContain("The contact has been saved.");

        (await peter.Client.GetAsync($"/my/documents/{invoice}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await peter.Client.GetAsync($"/my/documents/{invoice}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await peter.GetAsync("/my")).Document.QuerySelectorAll("[data-testid^=document-tile-]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/my/documents")]
    [InlineData("/my/documents/1")]
    [InlineData("/my/documents/1/pdf")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.GetAsync(url, followRedirects: false);
        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location!.ShouldContain("/account/sign-in");
    }

    [Theory]
    [InlineData("/admin/documents/new?contactId=1")]
    [InlineData("/admin/documents/1")]
    [InlineData("/admin/documents/1/edit")]
    [InlineData("/admin/documents/1/pdf")]
    public async Task A_portal_user_never_reaches_the_back_office_document_pages(string url)
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.CustomerAsync(admin, "Mallory Docs", $"mallory.{Guid.NewGuid():n}@example.com");
        using var _1 = customer;
        (await customer.GetAsync(url, followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
