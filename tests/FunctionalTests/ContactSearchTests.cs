using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Contacts;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests;

/// <summary>
/// The back office's contact search at /admin/contacts?q=…: by name, e-mail, free-text company and linked company, whatever
/// the case and accents. Runs on SQLite (FTS5 trigram) and, with PORTAL_TEST_POSTGRES, on PostgreSQL (pg_trgm).
/// </summary>
public sealed class ContactSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("müllerwitz")]
    [InlineData("mullerwitz")]
    [InlineData("MÜLLERWITZ")]
    [InlineData("MuLLeRWiTz")]
    public async Task Searching_muller_finds_Mueller_with_umlaut_in_any_case(string term)
    {
        await AddAsync(Person("Jürgen Müllerwitz"), Person("Petra MÜLLERWITZ"), Person("Karl Millerwitz"));
        using var admin = await factory.SignedInAdminAsync();

        var names = await ResultNamesAsync(admin, term);

        names.ShouldBe(["Jürgen Müllerwitz", "Petra MÜLLERWITZ"], ignoreOrder: true);
    }

    [Fact]
    public async Task Searching_folds_letters_without_a_decomposition_and_sharp_s()
    {
        await AddAsync(Person("Søren Łukaszewski-Straßberg"));
        using var admin = await factory.SignedInAdminAsync();

        (await ResultNamesAsync(admin, "soren lukaszewski strassberg")).ShouldBe(["Søren Łukaszewski-Straßberg"]);
    }

    [Fact]
    public async Task Searching_by_email_domain_finds_the_contacts_at_that_domain()
    {
        await AddAsync(Person("Domain One", "one@quokka-domain.example"), Person("Domain Two", "two@QUOKKA-DOMAIN.example"),
            Person("Domain Other", "other@wombat-domain.example"));
        using var admin = await factory.SignedInAdminAsync();

        (await ResultNamesAsync(admin, "quokka-domain.example")).ShouldBe(["Domain One", "Domain Two"], ignoreOrder: true);
    }

    [Fact]
    public async Task Searching_a_linked_companys_name_finds_the_company_and_its_people()
    {
        var company = Contact.CreateCompany(new ContactDetails("Zebrafink Handels GmbH"), "info@zf.example", Now);
        await AddAsync(company, Contact.CreatePerson(new ContactDetails("Olga Member"), "olga@zf.example", company, Now),
            Contact.CreatePerson(new ContactDetails("Piet Member"), null, company, Now), Person("Quentin Outsider"));
        using var admin = await factory.SignedInAdminAsync();

        (await ResultNamesAsync(admin, "zebrafink")).ShouldBe(["Olga Member", "Piet Member", "Zebrafink Handels GmbH"], ignoreOrder: true);
    }

    [Fact]
    public async Task Searching_a_free_text_company_name_finds_the_person()
    {
        await AddAsync(Contact.CreatePerson(new ContactDetails("Rita Freelance", CompanyName: "Kolibri Atelier Köln"), null, null, Now));
        using var admin = await factory.SignedInAdminAsync();

        (await ResultNamesAsync(admin, "atelier koln")).ShouldBe(["Rita Freelance"]);
    }

    [Theory]
    [InlineData("anna müllerhof")]
    [InlineData("müllerhof anna")]
    [InlineData("ANNA   Mullerhof")]
    public async Task Every_word_must_match_in_any_order(string term)
    {
        await AddAsync(Person("Anna Müllerhof"), Person("Karl Müllerhof"), Person("Anna Schmidthof"));
        using var admin = await factory.SignedInAdminAsync();

        (await ResultNamesAsync(admin, term)).ShouldBe(["Anna Müllerhof"]);
    }

    [Theory]
    [InlineData("Xö")]
    [InlineData("xo")]
    [InlineData("X")]
    public async Task One_or_two_letters_find_the_contacts_whose_name_starts_with_them(string term)
    {
        await AddAsync(Person("Xöxöthea Prefix"), Person("Prefix Xothea"));
        using var admin = await factory.SignedInAdminAsync();

        var names = await ResultNamesAsync(admin, term);

        names.ShouldContain("Xöxöthea Prefix");
        names.ShouldNotContain("Prefix Xothea");
    }

    [Fact]
    public async Task A_short_word_next_to_a_longer_one_narrows_what_the_longer_one_found()
    {
        await AddAsync(Person("Ida Narrowmann"), Person("Udo Narrowmann"));
        using var admin = await factory.SignedInAdminAsync();

        (await ResultNamesAsync(admin, "narrowmann id")).ShouldBe(["Ida Narrowmann"]);
    }

    [Theory]
    [InlineData("100% bio", "Hundred Percent")]
    [InlineData("a_b", "Under Score")]
    [InlineData("o'briena", "Siobhán O'Briena")]
    [InlineData("\"quoted\"", "Das \"Quoted\" Haus")]
    [InlineData(@"back\slashed", "Back Slash")]
    public async Task Wildcards_and_quotes_typed_by_the_user_match_themselves(string term, string expected)
    {
        if (!await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Name == "Hundred Percent")))
        {
            await AddAsync(
                Contact.CreatePerson(new ContactDetails("Hundred Percent", CompanyName: "100% Bio Laden"), null, null, Now),
                Contact.CreatePerson(new ContactDetails("Thousand Things", CompanyName: "1000 Bioläden"), null, null, Now),
                Person("Under Score", "a_b@underscore.example"), Person("Ab Decoy", "axb@underscore.example"),
                Person("Siobhán O'Briena"), Person("Das \"Quoted\" Haus"), Person("Quoted Plain"),
                Contact.CreatePerson(new ContactDetails("Back Slash", CompanyName: @"back\slashed"), null, null, Now),
                Contact.CreatePerson(new ContactDetails("Back Decoy", CompanyName: "backslashed"), null, null, Now));
        }
        using var admin = await factory.SignedInAdminAsync();

        (await ResultNamesAsync(admin, term)).ShouldBe([expected]);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("'")]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("\\")]
    [InlineData("%%_")]
    [InlineData("\" OR \"")]
    [InlineData("NEAR(a b)")]
    [InlineData("abc*")]
    [InlineData("-abc")]
    [InlineData("^abc")]
    [InlineData("a:b")]
    [InlineData("\u0301")]
    [InlineData("'; DROP TABLE \"Contacts\"; --")]
    public async Task Any_text_typed_into_the_search_gets_a_list_never_an_error(string term)
    {
        using var admin = await factory.SignedInAdminAsync();

        var page = await admin.GetAsync("/admin/contacts?q=" + Uri.EscapeDataString(term));

        page.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_renamed_contact_is_found_by_its_new_name_and_no_longer_by_the_old_one()
    {
        using var admin = await factory.SignedInAdminAsync();
        var id = await admin.CreateContactAsync("Oldname Renamewski", "rename@before-change.example");
        (await ResultNamesAsync(admin, "renamewski")).ShouldBe(["Oldname Renamewski"]);

        var edit = await admin.GetAsync($"/admin/contacts/{id}/edit");
        var saved = await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?>
        {
            ["Details.Name"] = "Newname Umbenannt",
            ["Email"] = "rename@after-change.example",
        });
        saved.Status.ShouldBe(HttpStatusCode.OK, saved.Text);

        (await ResultNamesAsync(admin, "renamewski")).ShouldBeEmpty();
        (await ResultNamesAsync(admin, "before-change")).ShouldBeEmpty();
        (await ResultNamesAsync(admin, "umbenannt")).ShouldBe(["Newname Umbenannt"]);
        (await ResultNamesAsync(admin, "after-change.example")).ShouldBe(["Newname Umbenannt"]);
    }

    [Fact]
    public async Task The_people_of_a_renamed_company_are_found_by_its_new_name_and_no_longer_by_the_old_one()
    {
        var company = Contact.CreateCompany(new ContactDetails("Altfirma Umtaufer GmbH"), "info@umtaufer-alt.example", Now);
        await AddAsync(company, Contact.CreatePerson(new ContactDetails("Wilma Umgetauft"), null, company, Now));
        using var admin = await factory.SignedInAdminAsync();
        (await ResultNamesAsync(admin, "altfirma umtaufer")).ShouldBe(["Altfirma Umtaufer GmbH", "Wilma Umgetauft"], ignoreOrder: true);

        var edit = await admin.GetAsync($"/admin/contacts/{company.Id}/edit");
        var saved = await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?>
        {
            ["Details.Name"] = "Neufirma Getauft AG",
            ["Email"] = "info@getauft-neu.example",
        });
        saved.Status.ShouldBe(HttpStatusCode.OK, saved.Text);

        (await ResultNamesAsync(admin, "altfirma")).ShouldBeEmpty();
        (await ResultNamesAsync(admin, "umtaufer-alt")).ShouldBeEmpty();
        (await ResultNamesAsync(admin, "NEUFIRMA getauft")).ShouldBe(["Neufirma Getauft AG", "Wilma Umgetauft"], ignoreOrder: true);
        (await ResultNamesAsync(admin, "getauft-neu.example")).ShouldBe(["Neufirma Getauft AG", "Wilma Umgetauft"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_person_moved_to_another_company_is_found_by_the_new_companys_name_and_no_longer_by_the_old_one()
    {
        var before = Contact.CreateCompany(new ContactDetails("Vorher Wechselwerk KG"), null, Now);
        var after = Contact.CreateCompany(new ContactDetails("Nachher Zielhafen SE"), "info@zielhafen.example", Now);
        var person = Contact.CreatePerson(new ContactDetails("Hugo Wechsler"), "hugo@privat-wechsler.example", before, Now);
        await AddAsync(before, after, person);
        using var admin = await factory.SignedInAdminAsync();
        (await ResultNamesAsync(admin, "wechselwerk")).ShouldBe(["Hugo Wechsler", "Vorher Wechselwerk KG"], ignoreOrder: true);

        var edit = await admin.GetAsync($"/admin/contacts/{person.Id}/edit");
        var saved = await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?> { ["CompanyId"] = after.Id.ToString(CultureInfo.InvariantCulture) });
        saved.Status.ShouldBe(HttpStatusCode.OK, saved.Text);

        (await ResultNamesAsync(admin, "wechselwerk")).ShouldBe(["Vorher Wechselwerk KG"]);
        (await ResultNamesAsync(admin, "zielhafen")).ShouldBe(["Hugo Wechsler", "Nachher Zielhafen SE"], ignoreOrder: true);
        (await ResultNamesAsync(admin, "ZIELHAFEN.example")).ShouldBe(["Hugo Wechsler", "Nachher Zielhafen SE"], ignoreOrder: true);
        (await ResultNamesAsync(admin, "wechsler")).ShouldBe(["Hugo Wechsler"]);
    }

    [Fact]
    public async Task A_contact_inserted_without_search_text_is_found_after_the_next_start()
    {
        // As a bulk import would: plain SQL that leaves the search text to its default. SQLite stores times as UTC ticks.
        object now = factory.Provider == DatabaseProvider.Postgres ? Now : Now.UtcTicks;
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Contacts" ("Kind", "Name", "Email", "PreferredLanguage", "CreatedAt", "UpdatedAt")
            VALUES (0, 'Ingrid Rohimport', 'ingrid@bulk-import.example', 'de', {now}, {now})
            """));
        (await factory.WithDbAsync(db => db.Contacts.Where(c => c.Name == "Ingrid Rohimport").Select(c => c.SearchText).SingleAsync()))
            .ShouldBe("");
        using (var before = await factory.SignedInAdminAsync()) (await ResultNamesAsync(before, "rohimport")).ShouldBeEmpty();

        var restarted = PortalFactory.SecondInstanceOf(factory);
        await ((IAsyncLifetime)restarted).InitializeAsync();
        try
        {
            using var admin = await restarted.SignedInAdminAsync();

            (await ResultNamesAsync(admin, "rohimport")).ShouldBe(["Ingrid Rohimport"]);
            (await ResultNamesAsync(admin, "bulk-import.example")).ShouldBe(["Ingrid Rohimport"]);
        }
        finally
        {
            await ((IAsyncLifetime)restarted).DisposeAsync();
        }
    }

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private Contact Person(string name, string? email = null) => Contact.CreatePerson(new ContactDetails(name), email, null, Now);

    private Task AddAsync(params Contact[] contacts) => factory.WithDbAsync(async db =>
    {
        foreach (var contact in contacts)
        {
            if (!await db.Contacts.AnyAsync(c => c.Name == contact.Name)) db.Contacts.Add(contact);
        }
        await db.SaveChangesAsync();
    });

    private static async Task<List<string>> ResultNamesAsync(PortalBrowser admin, string term)
    {
        var page = await admin.GetAsync("/admin/contacts?q=" + Uri.EscapeDataString(term));
        page.Status.ShouldBe(HttpStatusCode.OK);
        return page.Document.QuerySelectorAll("tbody tr td:nth-child(2) a").Select(a => a.TextContent.Trim()).ToList();
    }
}
