using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Activity;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.Mail;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests;

/// <summary>
/// Lists page by keyset: First · Previous · Next · Last links carry an opaque cursor, and counts stop at a limit
/// (<see cref="SmallListCountFactory.Limit"/> here) above which they say "about" or "more than".
/// </summary>
public sealed class PagingTests(SmallListCountFactory factory) : IClassFixture<SmallListCountFactory>
{
    private static string? Link(Page page, string text) =>
        page.Document.QuerySelectorAll(".pagination a.page-link").FirstOrDefault(a => a.TextContent.Trim() == text)?.GetAttribute("href");

    /// <summary>Every row of the list by Next from the first page, and by Previous from the last page.</summary>
    private static async Task<(List<string> Forward, List<string> Backward)> WalkAsync(
        PortalBrowser browser, string firstPage, Func<Page, IEnumerable<string>> rows)
    {
        var page = await browser.GetAsync(firstPage);
        page.Status.ShouldBe(HttpStatusCode.OK);
        Link(page, "First").ShouldBeNull();
        Link(page, "Previous").ShouldBeNull();
        var last = Link(page, "Last");
        var forward = rows(page).ToList();
        for (var pages = 1; Link(page, "Next") is { } next; pages++)
        {
            pages.ShouldBeLessThan(20);
            page = await browser.GetAsync(next);
            forward.AddRange(rows(page));
        }
        Link(page, "Last").ShouldBeNull();

        if (last is null) return (forward, forward);
        page = await browser.GetAsync(last);
        Link(page, "Next").ShouldBeNull();
        var backward = rows(page).ToList();
        for (var pages = 1; Link(page, "Previous") is { } previous; pages++)
        {
            pages.ShouldBeLessThan(20);
            page = await browser.GetAsync(previous);
            // The first page is always a full page, so it may repeat rows of the page after it.
            backward = rows(page).Concat(backward).Distinct().ToList();
        }
        Link(page, "First").ShouldBeNull();
        return (forward, backward);
    }

    private static IEnumerable<string> ContactIds(Page page) =>
        page.Document.QuerySelectorAll("input[name=ids]").Select(i => i.GetAttribute("value")!);

    private static IEnumerable<string> Column(Page page, int column) =>
        page.Document.QuerySelectorAll($"tbody tr td:nth-child({column})").Select(td => td.TextContent.Trim());

    private Task<List<(int Id, string Name, string? Email)>> SeedContactsAsync(Func<int, string> name, Func<int, string?> email) =>
        factory.WithDbAsync(async db =>
        {
            var contacts = Enumerable.Range(0, 60)
                .Select(i => Contact.CreatePerson(new ContactDetails(name(i), null, null, null, "Hamburg", "DE"), email(i), null,
                    factory.Clock.GetUtcNow()))
                .ToList();
            db.Contacts.AddRange(contacts);
            await db.SaveChangesAsync();
            return contacts.Select(c => (c.Id, c.Name, c.Email)).ToList();
        });

    [Fact]
    public async Task Sixty_contacts_are_walked_forward_to_the_end_and_back_and_the_filtered_count_says_more_than_the_limit()
    {
        var seeded = await SeedContactsAsync(i => $"Keysetwalk {i:00}", i => $"keysetwalk{i:00}@example.com");
        using var admin = await factory.SignedInAdminAsync();

        var (forward, backward) = await WalkAsync(admin, "/admin/contacts?q=Keysetwalk", ContactIds);

        var expected = seeded.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        forward.ShouldBe(expected);
        backward.ShouldBe(expected);
        var last = await admin.GetAsync("/admin/contacts?q=Keysetwalk&at=last");
        ContactIds(last).ShouldBe(expected.TakeLast(25));
        last.Text.ShouldContain($"In total: more than {SmallListCountFactory.Limit}");
    }

    /// <summary>
    /// A search that matches more than the count's limit is read by walking the name index and testing each row, so it must
    /// find exactly what the text index finds: people by their own text and by their company's, accents and case ignored.
    /// </summary>
    [Theory]
    [InlineData("MÜLLER {0}", "{0} Müller AG")]
    [InlineData("{0} muller", "{0} Müller AG")]
    [InlineData("qy", "Qy{0} AG")]
    public async Task A_search_matching_more_than_the_limit_walks_every_match_forward_and_back(string term, string companyName)
    {
        var tag = "Wf" + string.Concat(Guid.NewGuid().ToString("n").Where(char.IsLetter).Take(6));
        var expected = await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var company = Contact.CreateCompany(new ContactDetails(string.Format(companyName, tag)), null, now);
            var linked = Enumerable.Range(0, 30)
                .Select(i => Contact.CreatePerson(new ContactDetails($"Linked {tag} {i:00}"), null, company, now)).ToList();
            var own = Enumerable.Range(0, 25)
                .Select(i => Contact.CreatePerson(new ContactDetails(string.Format(companyName, tag) + $" Person {i:00}"), null, null, now))
                .ToList();
            var outsider = Contact.CreatePerson(new ContactDetails($"Outsider {tag}"), null, null, now);
            db.Contacts.AddRange([company, .. linked, .. own, outsider]);
            await db.SaveChangesAsync();
            return new[] { company }.Concat(linked).Concat(own)
                .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id)
                .Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        });
        using var admin = await factory.SignedInAdminAsync();
        var query = Uri.EscapeDataString(string.Format(term, tag));

        var (forward, backward) = await WalkAsync(admin, $"/admin/contacts?q={query}", ContactIds);

        // "qy" also finds what other tests of this class named with that prefix: only this test's rows are compared.
        forward.Where(expected.Contains).ShouldBe(expected);
        backward.Where(expected.Contains).ShouldBe(expected);
        forward.Count.ShouldBe(backward.Count);
        (await admin.GetAsync($"/admin/contacts?q={query}")).Text.ShouldContain($"In total: more than {SmallListCountFactory.Limit}");
    }

    [Theory]
    [InlineData("Name", false)]
    [InlineData("Name", true)]
    [InlineData("Email", false)]
    [InlineData("Email", true)]
    [InlineData("Created", false)]
    [InlineData("Created", true)]
    public async Task Every_contact_sort_pages_in_the_same_order_with_ties_broken_by_id_and_missing_emails_greatest(
        string sort, bool descending)
    {
        var tag = $"Keysort{sort}{(descending ? "d" : "a")}";
        // Names repeat every 20, e-mails every 15 with every fourth missing, and all are created at the same moment.
        var seeded = await SeedContactsAsync(i => $"{tag} {i % 20:00}", i => i % 4 == 0 ? null : $"{tag}{i % 15:00}@example.com");
        using var admin = await factory.SignedInAdminAsync();

        var (forward, backward) = await WalkAsync(admin, $"/admin/contacts?q={tag}&sort={sort}&desc={(descending ? "true" : "false")}",
            ContactIds);

        var ascending = sort switch
        {
            "Name" => seeded.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id),
            "Email" => seeded.OrderBy(c => c.Email is null).ThenBy(c => c.Email, StringComparer.Ordinal).ThenBy(c => c.Id),
            _ => seeded.OrderBy(c => c.Id),
        };
        var expected = (descending ? ascending.Reverse() : ascending)
            .Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        forward.ShouldBe(expected);
        backward.ShouldBe(expected);
    }

    /// <summary>
    /// A search matching more than the count's limit whose matches lie beyond the rows a page may walk, from either end of
    /// every sort (as every "Zoë" lies behind 95,000 other names): those pages sort the matches by their keys alone and read
    /// only the page's rows, and must page exactly as the walk does.
    /// </summary>
    [Theory]
    [InlineData("Name", false, "{0}")]
    [InlineData("Name", true, "{0}")]
    [InlineData("Email", false, "{0}")]
    [InlineData("Email", true, "{0}")]
    [InlineData("Created", false, "{0}")]
    [InlineData("Created", true, "{0}")]
    [InlineData("Name", false, "MI {0}")]
    [InlineData("Email", true, "{0} mi")]
    public async Task A_search_whose_matches_lie_beyond_the_walk_from_either_end_pages_in_every_sort(
        string sort, bool descending, string term)
    {
        var tag = "Cl" + string.Concat(Guid.NewGuid().ToString("n").Where(char.IsLetter).Take(6)) + sort[..2] + (descending ? "d" : "a");
        var walk = SmallListCountFactory.SearchWalkLength;
        var matches = await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            Contact Filler(string prefix, int i) => Contact.CreatePerson(
                new ContactDetails($"{prefix} Filler {i:000}"), $"{prefix.ToLowerInvariant()}{i:000}@filler.example", null, now);
            // Inserted in this order, so the creation sort (ties broken by id) has them in the same order as the name sort.
            db.Contacts.AddRange(Enumerable.Range(0, walk + 10).Select(i => Filler("Aaaa", i)));
            await db.SaveChangesAsync();
            var found = Enumerable.Range(0, 60)
                .Select(i => Contact.CreatePerson(new ContactDetails($"Mid{tag} {i % 20:00}"),
                    i % 6 == 0 ? null : $"mid{tag.ToLowerInvariant()}{i % 15:00}@example.com", null, now))
                .ToList();
            db.Contacts.AddRange(found);
            await db.SaveChangesAsync();
            db.Contacts.AddRange(Enumerable.Range(0, walk + 10).Select(i => Filler("Zzzz", i)));
            await db.SaveChangesAsync();
            return found.Select(c => (c.Id, c.Name, c.Email)).ToList();
        });
        using var admin = await factory.SignedInAdminAsync();
        var list = $"/admin/contacts?q={Uri.EscapeDataString(string.Format(term, tag))}&sort={sort}&desc={(descending ? "true" : "false")}";

        var (forward, backward) = await WalkAsync(admin, list, ContactIds);

        var ascending = sort switch
        {
            "Name" => matches.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id),
            "Email" => matches.OrderBy(c => c.Email is null).ThenBy(c => c.Email, StringComparer.Ordinal).ThenBy(c => c.Id),
            _ => matches.OrderBy(c => c.Id),
        };
        var expected = (descending ? ascending.Reverse() : ascending)
            .Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        forward.ShouldBe(expected);
        backward.ShouldBe(expected);
        var first = await admin.GetAsync(list);
        ContactIds(first).ShouldBe(expected.Take(25));
        first.Text.ShouldContain($"In total: more than {SmallListCountFactory.Limit}");
        ContactIds(await admin.GetAsync(list + "&at=last")).ShouldBe(expected.TakeLast(25));
    }

    [Fact]
    public async Task Sixty_mails_are_walked_newest_first_and_the_unfiltered_count_is_an_estimate()
    {
        await factory.WithDbAsync(async db =>
        {
            var start = factory.Clock.GetUtcNow().AddDays(-1);
            for (var i = 0; i < 60; i++)
                db.OutboxMessages.Add(OutboxMessage.Compose($"walk{i:00}@example.com", "Walker", "Walk", "text", "<p>html</p>",
                    start.AddSeconds(i)));
            await db.SaveChangesAsync();
            if (factory.Provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE \"OutboxMessages\"");
        });
        using var admin = await factory.SignedInAdminAsync();

        var (forward, backward) = await WalkAsync(admin, "/admin/emails", page => Column(page, 2));

        var expected = Enumerable.Range(0, 60).Reverse().Select(i => $"walk{i:00}@example.com").ToList();
        forward.Where(expected.Contains).ShouldBe(expected);
        backward.Where(expected.Contains).ShouldBe(expected);
        (await admin.GetAsync("/admin/emails")).Text.ShouldContain("In total: about ");
    }

    [Fact]
    public async Task An_unfiltered_lists_estimate_is_kept_for_a_few_seconds_and_then_taken_again()
    {
        Task AddMailsAsync(int count) => factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
                db.OutboxMessages.Add(OutboxMessage.Compose($"kept{i:000}@example.com", "Kept", "Kept", "text", "<p>html</p>",
                    factory.Clock.GetUtcNow().AddDays(-1)));
            await db.SaveChangesAsync();
            if (factory.Provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE \"OutboxMessages\"");
        });
        static string Total(Page page) =>
            System.Text.RegularExpressions.Regex.Match(page.Text, @"In total: about [0-9,]+").Value;
        await AddMailsAsync(60);
        using var admin = await factory.SignedInAdminAsync();
        var before = Total(await admin.GetAsync("/admin/emails"));
        before.ShouldNotBeEmpty();

        await AddMailsAsync(300);
        Total(await admin.GetAsync("/admin/emails")).ShouldBe(before);
        factory.Clock.Advance(TimeSpan.FromSeconds(11));

        Total(await admin.GetAsync("/admin/emails")).ShouldNotBe(before);
    }

    [Fact]
    public async Task Sixty_activity_entries_of_a_contact_are_walked_newest_first_with_ties_broken_by_id()
    {
        var contactId = (await SeedContactsAsync(i => $"Activitywalk {i:00}", _ => null))[0].Id;
        var expected = await factory.WithDbAsync(async db =>
        {
            var start = factory.Clock.GetUtcNow().AddDays(-1);
            var entries = Enumerable.Range(0, 60)
                .Select(i => ActivityEntry.ForContact(ActivityKind.AccessGranted, start.AddMinutes(i / 3), null, "Walker", contactId,
                    $"Walk entry {i:00}"))
                .ToList();
            db.ActivityEntries.AddRange(entries);
            await db.SaveChangesAsync();
            return entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.SubjectName).ToList();
        });
        using var admin = await factory.SignedInAdminAsync();

        var (forward, backward) = await WalkAsync(admin, $"/admin/activity?contactId={contactId}", page => Column(page, 3));

        forward.ShouldBe(expected);
        backward.ShouldBe(expected);
        (await admin.GetAsync($"/admin/activity?contactId={contactId}")).Text
            .ShouldContain($"In total: more than {SmallListCountFactory.Limit}");
    }

    [Theory]
    [InlineData("Date", true)]
    [InlineData("Number", false)]
    [InlineData("Amount", true)]
    public async Task Sixty_documents_of_a_customer_and_its_company_are_walked_in_each_sort(string sort, bool descending)
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Walter Walk", $"walter.{Guid.NewGuid():n}@example.com");
        using var _ = customer;
        var prefix = DocumentFlows.Unique("W");
        var documents = await factory.WithDbAsync(async db =>
        {
            // Own and company documents interleave in every order: the list merges the two ranges.
            var company = Contact.CreateCompany(new ContactDetails($"Walk {prefix} GmbH", null, null, null, "Hamburg", "DE"), null,
                factory.Clock.GetUtcNow());
            db.Contacts.Add(company);
            await db.SaveChangesAsync();
            (await db.Contacts.SingleAsync(c => c.Id == contactId)).MoveToCompany(company, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            var created = Enumerable.Range(0, 60).Select(i =>
            {
                // Dates and amounts repeat, so ties are broken by id.
                var document = Document.Create(i % 3 == 0 ? company.Id : contactId, DocumentKind.Invoice, $"{prefix}-{i:00}",
                    new DateOnly(2026, 1, 1).AddDays(i / 4), null, "EUR", [new DocumentLineItem("Item", 1, 100 + i % 7, 0)],
                    factory.Clock.GetUtcNow(), "seed");
                document.ChangeStatus(DocumentStatus.Sent, factory.Clock.GetUtcNow(), "seed");
                return document;
            }).ToList();
            db.Documents.AddRange(created);
            await db.SaveChangesAsync();
            return created;
        });

        var (forward, backward) = await WalkAsync(customer, $"/my/documents?sort={sort}&desc={(descending ? "true" : "false")}",
            page => page.Document.QuerySelectorAll("tr[data-document-id]").Select(tr => tr.GetAttribute("data-document-id")!));

        var ascending = sort switch
        {
            "Number" => documents.OrderBy(d => d.Number, StringComparer.Ordinal).ThenBy(d => d.Id),
            "Amount" => documents.OrderBy(d => d.TotalAmount).ThenBy(d => d.Id),
            _ => documents.OrderBy(d => d.IssuedOn).ThenBy(d => d.Id),
        };
        var expected = (descending ? ascending.Reverse() : ascending)
            .Select(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        forward.ShouldBe(expected);
        backward.ShouldBe(expected);
        (await customer.GetAsync("/my/documents")).Text.ShouldContain($"In total: more than {SmallListCountFactory.Limit}");
    }

    [Theory]
    [InlineData("after=not-a-cursor")]
    [InlineData("before=%25%25%25")]
    [InlineData("after=WyJjb250YWN0cy5OYW1lLmFzYyIsIngiLCJhYmMiXQ")]
    [InlineData("before=WyJlbWFpbHMuZGVzYyIsIjEiLCIyIl0")]
    [InlineData("at=somewhere")]
    [InlineData("page=2147483647")]
    public async Task A_tampered_foreign_or_unknown_position_shows_the_first_page_of_every_list(string position)
    {
        await SeedContactsAsync(i => $"Badcursor {i:00}", _ => null);
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Paula Pages", $"paula.pages.{Guid.NewGuid():n}@example.com");
        using var _1 = customer;

        var contacts = await admin.GetAsync($"/admin/contacts?q=Badcursor&{position}");
        contacts.Status.ShouldBe(HttpStatusCode.OK);
        contacts.Text.ShouldContain("Badcursor 00");
        Link(contacts, "Previous").ShouldBeNull();
        foreach (var list in new[] { "/admin/emails?", "/admin/activity?", "/admin/emails?status=Sent&" })
        {
            var page = await admin.GetAsync(list + position);
            page.Status.ShouldBe(HttpStatusCode.OK, list);
            Link(page, "Previous").ShouldBeNull(list);
        }
        var documents = await customer.GetAsync("/my/documents?" + position);
        documents.Status.ShouldBe(HttpStatusCode.OK);
        Link(documents, "Previous").ShouldBeNull();
    }
}
