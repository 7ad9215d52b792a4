using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Contacts;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>/my/company: a company administrator's own company and its people; a 404 for everyone else.</summary>
public sealed class MyCompanyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_company_administrator_sees_the_company_and_its_people_and_nobody_else_finds_the_page()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Heron GmbH", "office@heron.example", kind: "Company");
        var (kim, kimId) = await factory.CompanyMemberAsync(admin, company, "Kim Heron", "kim@heron.example", administrator: true);
        var (lea, _) = await factory.CompanyMemberAsync(admin, company, "Lea Heron", "lea@heron.example", administrator: false);
        var (loner, _) = await factory.ActiveCustomerAsync(admin, "Lou Loner", "lou.loner@example.com");
        using var _1 = kim;
        using var _2 = lea;
        using var _3 = loner;

        var home = await kim.GetAsync("/my");
        home.Document.QuerySelector("a[href='/my/company']").ShouldNotBeNull();
        var page = await kim.GetAsync("/my/company");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("h1")!.TextContent.ShouldBe("Heron GmbH");
        page.Document.QuerySelector("[data-testid=company-details]")!.TextContent.ShouldContain("office@heron.example");
        var rows = page.Document.QuerySelectorAll("tr[data-colleague-id]").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("Kim Heron");
        rows[0].ShouldContain("Company administrator");
        rows[1].ShouldContain("Lea Heron");
        rows[1].ShouldContain("Active");
        rows[1].ShouldNotContain("Company administrator");

        foreach (var other in new[] { lea, loner })
        {
            (await other.GetAsync("/my")).Document.QuerySelector("a[href='/my/company']").ShouldBeNull();
            (await other.GetAsync("/my/company")).Status.ShouldBe(HttpStatusCode.NotFound);
        }

        var contactPage = await admin.GetAsync($"/admin/contacts/{kimId}");
        await admin.SubmitAsync(contactPage, "Stop being company administrator");
        (await kim.GetAsync("/my/company")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await kim.GetAsync("/my")).Document.QuerySelector("a[href='/my/company']").ShouldBeNull();
    }

    [Fact]
    public async Task The_people_list_pages_by_keyset_and_shows_everyone_once()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Plover GmbH", "office@plover.example", kind: "Company");
        var (kim, _) = await factory.CompanyMemberAsync(admin, company, "Kim Plover", "kim@plover.example", administrator: true);
        using var _1 = kim;
        await factory.WithDbAsync(async db =>
        {
            var plover = await db.Contacts.SingleAsync(c => c.Id == company);
            for (var i = 0; i < 30; i++)
                db.Contacts.Add(Contact.CreatePerson(new ContactDetails($"Person {i:00}"), null, plover, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        var first = await kim.GetAsync("/my/company");
        var names = Names(first);
        names.Count.ShouldBe(25);
        var next = first.Document.QuerySelectorAll(".pagination a.page-link").Single(a => a.TextContent.Trim() == "Next")
            .GetAttribute("href")!;
        names.AddRange(Names(await kim.GetAsync(next)));

        names.Count.ShouldBe(31);
        names.Distinct().Count().ShouldBe(31);
        names.ShouldBe(names.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task The_company_page_speaks_german()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Reiher GmbH", "buero@reiher.example", kind: "Company");
        var (english, _) = await factory.CompanyMemberAsync(admin, company, "Kim Reiher", "kim@reiher.example", administrator: true);
        english.Dispose();
        using var kim = factory.NewBrowser("de");
        (await kim.SignInAsync("kim@reiher.example", Flows.CustomerPassword)).Path.ShouldBe("/my");

        (await kim.GetAsync("/my")).Text.ShouldContain("Meine Firma");
        var page = await kim.GetAsync("/my/company");
        page.Text.ShouldContain("Firmendaten");
        page.Text.ShouldContain("Firmenadministrator");
    }

    private static List<string> Names(Page page) =>
        page.Document.QuerySelectorAll("tr[data-colleague-id] th").Select(th => th.TextContent.Trim().Split('\n')[0].Trim()).ToList();
}
