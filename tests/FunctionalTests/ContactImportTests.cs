using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Domain.Activity;
using Portal.Domain.Contacts;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Importing contacts from CSV through the real pages: refusals with their reasons, matching, downloads, access.</summary>
public sealed class ContactImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Tag() => Guid.NewGuid().ToString("n")[..8];

    private Task<int> CountContactsAsync(string tag) =>
        factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.Email != null && c.Email.Contains(tag)));

    [Fact]
    public async Task An_import_with_every_kind_of_bad_row_refuses_each_with_its_line_and_reason_and_stores_nothing_until_confirmed()
    {
        using var admin = await factory.SignedInAdminAsync();
        var t = Tag();
        var csv = $"""
            Name;E-mail;Country;Phone
            Good Person;good.{t}@example.com;Germany;+49 40 123
            Bad Mail;not-an-email-{t};DE;
            Twice;GOOD.{t}@example.com;DE;
            {new string('x', Contact.NameMaxLength + 1)};long.{t}@example.com;DE;
            Nowhere;nowhere.{t}@example.com;Narnia;
            Formula;formula.{t}@example.com;DE;=HYPERLINK("http://evil.example")
            Garbage{"\u0007"};garbage.{t}@example.com;DE;

            """;

        var preview = await admin.UploadCsvAsync(csv);

        preview.Status.ShouldBe(HttpStatusCode.OK, preview.Text);
        preview.Count("rows").ShouldBe(7);
        preview.Count("new").ShouldBe(1);
        preview.Count("refused").ShouldBe(6);
        preview.RefusalOf(3).ShouldContain("Please enter a valid e-mail address.");
        preview.RefusalOf(4).ShouldContain("The e-mail address is already in line 2 of the file.");
        preview.RefusalOf(5).ShouldContain("This value is too long.");
        preview.RefusalOf(6).ShouldContain("Please choose a country from the list.");
        preview.RefusalOf(7).ShouldContain("starts like a spreadsheet formula");
        preview.RefusalOf(8).ShouldContain("characters that are not text");
        (await CountContactsAsync(t)).ShouldBe(0);

        var refusedLink = preview.Document.QuerySelector("a[href*='handler=Refused']")!.GetAttribute("href")!;
        using var refused = await admin.Client.GetAsync(refusedLink);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var refusedText = Encoding.UTF8.GetString(await refused.Content.ReadAsByteArrayAsync());
        refusedText.ShouldContain("Name,E-mail,Country,Phone,Reason");
        refusedText.ShouldContain($"Bad Mail,not-an-email-{t},DE,,E-mail: Please enter a valid e-mail address.");
        refusedText.ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        refusedText.ShouldNotContain("Good Person");

        var done = await admin.ConfirmImportAsync(preview);

        done.Path.ShouldBe(PortalRoutes.Admin.ContactImport);
        done.Text.ShouldContain("1 new contacts");
        done.Text.ShouldContain("6 rows refused");
        var stored = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == $"good.{t}@example.com"));
        stored.ShouldSatisfyAllConditions(
            c => c.Name.ShouldBe("Good Person"),
            c => c.CountryCode.ShouldBe("DE"),
            c => c.Phone.ShouldBe("+49 40 123"));
        (await CountContactsAsync(t)).ShouldBe(1);
        var activity = await factory.WithDbAsync(db => db.ActivityEntries
            .Where(a => a.Kind == ActivityKind.ContactsImported).OrderByDescending(a => a.Id).FirstAsync());
        activity.Detail.ShouldBe("1,0,0,6");
        (await admin.GetAsync("/admin/activity")).Text.ShouldContain("1 new, 0 updated, 0 unchanged, 6 refused");
    }

    [Fact]
    public async Task A_file_that_is_not_text_too_long_or_too_large_is_refused_with_a_clear_message()
    {
        using var admin = await factory.SignedInAdminAsync();
        var kept = await factory.WithDbAsync(db => db.ContactImports.CountAsync());

        var binary = await admin.UploadCsvAsync([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE], "contacts.xlsx");
        binary.Path.ShouldBe(PortalRoutes.Admin.ContactImport);
        binary.Text.ShouldContain("This file is not a CSV text file.");

        var rows = new StringBuilder("Name,E-mail\n");
        for (var i = 0; i <= ContactImport.MaxRows; i++) rows.Append(CultureInvariant($"P{i},p{i}@example.com\n"));
        var tooMany = await admin.UploadCsvAsync(rows.ToString());
        tooMany.Text.ShouldContain($"The file has more than {ContactImport.MaxRows} rows.");

        var tooLarge = await admin.UploadCsvAsync(new byte[ContactImport.MaxSizeBytes + 100_000]);
        tooLarge.Path.ShouldBe(PortalRoutes.Admin.ContactImport);
        tooLarge.Text.ShouldContain($"The file is larger than {ContactImport.MaxSizeMegabytes} MB.");

        (await factory.WithDbAsync(db => db.ContactImports.CountAsync())).ShouldBe(kept);
    }

    [Fact]
    public async Task A_windows_1252_file_from_excel_is_imported_with_its_umlauts()
    {
        using var admin = await factory.SignedInAdminAsync();
        var t = Tag();
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!
            .GetBytes($"Name;E-Mail;Straße;Ort\r\nJürgen Weiß;jw.{t}@example.com;Hauptstraße 5;Köln\r\n");

        var preview = await admin.UploadCsvAsync(bytes);
        preview.Count("new").ShouldBe(1);
        preview.Text.ShouldContain("Jürgen Weiß");
        await admin.ConfirmImportAsync(preview);

        var stored = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == $"jw.{t}@example.com"));
        stored.Street.ShouldBe("Hauptstraße 5");
        stored.City.ShouldBe("Köln");
    }

    [Fact]
    public async Task An_import_updates_contacts_matched_by_external_reference_or_email_and_finds_or_creates_companies_once()
    {
        using var admin = await factory.SignedInAdminAsync();
        var t = Tag();
        var byReference = await admin.CreateContactAsync("Rita Reference", $"rita.{t}@example.com");
        var edit = await admin.GetAsync($"/admin/contacts/{byReference}/edit");
        (await admin.SubmitAsync(edit, "Save", new Dictionary<string, string?> { ["ExternalReference"] = $"R-{t}" }))
            .Status.ShouldBe(HttpStatusCode.OK);
        var byEmail = await admin.CreateContactAsync("Emil Email", $"Emil.{t}@Example.com");
        var company = await admin.CreateContactAsync($"Ächt {t} GmbH", null, kind: "Company");
        var csv = $"""
            Name,E-mail,City,Company,External reference
            Rita Renamed,,Bremen,,R-{t}
            ,emil.{t}@example.com,Kiel,,
            Anna New,anna.{t}@example.com,,acht {t} gmbh,
            Ben New,ben.{t}@example.com,,Neu {t} AG,
            Cem New,cem.{t}@example.com,,NEU {t} ag,

            """;

        var preview = await admin.UploadCsvAsync(csv);
        preview.Count("new").ShouldBe(3);
        preview.Count("updated").ShouldBe(2);
        preview.Count("refused").ShouldBe(0);
        preview.Count("companies").ShouldBe(1);
        var done = await admin.ConfirmImportAsync(preview);
        done.Text.ShouldContain("2 contacts updated");

        var rita = await factory.ContactAsync(byReference);
        rita.ShouldSatisfyAllConditions(c => c.Name.ShouldBe("Rita Renamed"), c => c.City.ShouldBe("Bremen"),
            c => c.Email.ShouldBe($"rita.{t}@example.com"));
        var emil = await factory.ContactAsync(byEmail);
        emil.ShouldSatisfyAllConditions(c => c.Name.ShouldBe("Emil Email"), c => c.City.ShouldBe("Kiel"),
            c => c.Email.ShouldBe($"Emil.{t}@Example.com"));
        var people = await factory.WithDbAsync(db => db.Contacts.Include(c => c.Company)
            .Where(c => c.Email!.EndsWith($".{t}@example.com") && c.Name.EndsWith(" New")).ToListAsync());
        people.Single(p => p.Name == "Anna New").CompanyId.ShouldBe(company);
        var created = people.Where(p => p.Name != "Anna New").Select(p => p.Company!).ToList();
        created.Select(c => c.Id).Distinct().Count().ShouldBe(1);
        created[0].Name.ShouldBe($"Neu {t} AG");
        created[0].Kind.ShouldBe(ContactKind.Company);

        var again = await admin.ConfirmImportAsync(preview);
        again.Status.ShouldBe(HttpStatusCode.OK);
        again.Text.ShouldContain("This import has already been done");
        (await CountContactsAsync(t)).ShouldBe(5);
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.Name == $"Neu {t} AG"))).ShouldBe(1);
    }

    [Fact]
    public async Task An_import_of_many_new_people_and_companies_stores_every_one_findable_by_its_company()
    {
        using var admin = await factory.SignedInAdminAsync();
        var t = Tag();
        // Names without the letters and digits of the hex tag, since the search matches within words.
        string[] places = ["Nord", "Sued", "Ost", "West", "Mitte", "Hafen", "Berg", "Tal", "Wiesen", "Wald"];
        var csv = new StringBuilder("Name;E-Mail;Firma\n");
        for (var i = 1; i <= 40; i++) csv.Append($"Person {i} {t};p{i}.{t}@example.com;Werk {places[i % 10]} {t}\n");

        var preview = await admin.UploadCsvAsync(csv.ToString());
        preview.Count("new").ShouldBe(40);
        preview.Count("companies").ShouldBe(10);
        (await admin.ConfirmImportAsync(preview)).Status.ShouldBe(HttpStatusCode.OK);

        (await CountContactsAsync(t)).ShouldBe(40);
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.Kind == ContactKind.Company && c.Name.EndsWith(" " + t)))).ShouldBe(10);
        var found = await admin.GetAsync($"/admin/contacts?q={Uri.EscapeDataString($"hafen {t}")}");
        foreach (var person in new[] { 5, 15, 25, 35 }) found.Text.ShouldContain($"Person {person} {t}");
        found.Text.ShouldNotContain($"Person 14 {t}");
    }

    [Fact]
    public async Task The_columns_can_be_mapped_by_hand_and_the_template_is_recognised_as_it_is()
    {
        using var admin = await factory.SignedInAdminAsync();
        var t = Tag();
        var preview = await admin.UploadCsvAsync($"Wer,Adresse elektronisch\nHanna Hand,hanna.{t}@example.com\n");
        preview.Text.ShouldContain("Please assign each field to one column at most");

        var mapped = await admin.SubmitAsync(preview, "Apply columns",
            new Dictionary<string, string?> { ["Columns[0]"] = "Name", ["Columns[1]"] = "Email" });
        mapped.Count("new").ShouldBe(1);
        await admin.ConfirmImportAsync(mapped);
        (await CountContactsAsync(t)).ShouldBe(1);

        var form = await admin.GetAsync(PortalRoutes.Admin.ContactImport);
        using var template = await admin.Client.GetAsync(form.Document.QuerySelector("a[href*='handler=Template']")!.GetAttribute("href"));
        template.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var templateBytes = await template.Content.ReadAsByteArrayAsync();
        var fromTemplate = await admin.UploadCsvAsync(templateBytes);
        fromTemplate.Document.QuerySelectorAll("select[name^=Columns] option[selected]").Length.ShouldBe(11);
        fromTemplate.Count("refused").ShouldBe(0);
        fromTemplate.Count("rows").ShouldBe(1);
    }

    [Fact]
    public async Task Only_portal_managers_and_administrators_may_import()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (reader, _) = await factory.SignedInColleagueAsync($"reader.{Tag()}@portal.test", "Rolf Reader", StaffRole.ReadOnly);
        using var _ = reader;
        (await reader.GetAsync(PortalRoutes.Admin.ContactImport, followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);
        var preview = await admin.UploadCsvAsync($"Name,E-mail\nPia,pia.{Tag()}@example.com\n");
        (await reader.GetAsync(preview.Path, followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);

        var (manager, _) = await factory.SignedInColleagueAsync($"manager.{Tag()}@portal.test", "Mia Manager", StaffRole.PortalManager);
        using var __ = manager;
        (await manager.GetAsync(PortalRoutes.Admin.ContactImport)).Status.ShouldBe(HttpStatusCode.OK);
        // An upload belongs to whoever made it.
        (await manager.GetAsync(preview.Path, followRedirects: false)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
