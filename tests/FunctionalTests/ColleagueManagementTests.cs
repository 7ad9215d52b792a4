using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// /my/company/colleagues/{id}: a company administrator re-invites, revokes, makes administrator and chooses what a colleague
/// sees; every move is recorded as the customer's and announced to the colleague. Any id that is not a person of the
/// administrator's own company is a 404 on every handler, and changes nothing.
/// </summary>
public sealed class ColleagueManagementTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string ColleaguePage(int id) => $"/my/company/colleagues/{id.ToString(CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task A_company_administrator_manages_a_colleague_and_every_move_is_recorded_and_announced()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Osprey GmbH", "office@osprey.example", kind: "Company");
        var (kim, kimId) = await factory.CompanyMemberAsync(admin, company, "Kim Osprey", "kim@osprey.example", administrator: true);
        var (lea, leaId) = await factory.CompanyMemberAsync(admin, company, "Lea Osprey", "lea@osprey.example", administrator: false);
        using var _1 = kim;
        using var _2 = lea;

        var people = await kim.GetAsync("/my/company");
        var link = people.Document.QuerySelector($"tr[data-colleague-id='{leaId}'] a")!.GetAttribute("href");
        link.ShouldBe(ColleaguePage(leaId));
        var page = await kim.GetAsync(link!);
        page.Document.QuerySelector("h1")!.TextContent.ShouldBe("Lea Osprey");
        var access = page.Document.QuerySelector("[data-testid=colleague-access]")!.TextContent;
        access.ShouldContain("Active");
        access.ShouldContain("All company documents");
        page.Document.QuerySelector("[data-testid=colleague-administrator]")!.TextContent.Trim().ShouldBe("No");

        var reInvited = await kim.SubmitAsync(page, "Send a new invitation");
        reInvited.Path.ShouldBe(ColleaguePage(leaId));
        reInvited.Text.ShouldContain("A new invitation has been sent to Lea Osprey.");
        var again = await kim.SubmitAsync(reInvited, "Send a new invitation");
        again.Text.ShouldContain("An invitation was just sent to this contact. Please wait a minute before sending another one.");
        (await factory.Smtp.WaitForAsync("lea@osprey.example", 2)).Count.ShouldBe(2);

        var made = await kim.SubmitAsync(again, "Make company administrator");
        made.Document.QuerySelector("[data-testid=colleague-administrator]")!.TextContent.Trim().ShouldBe("Yes");
        var ended = await kim.SubmitAsync(made, "Stop being company administrator");
        ended.Document.QuerySelector("[data-testid=colleague-administrator]")!.TextContent.Trim().ShouldBe("No");

        var invoicesOnly = await kim.SubmitAsync(ended, "Save",
            new Dictionary<string, string?> { ["Documents.All"] = "false", ["Documents.Kinds"] = "Invoice" });
        invoicesOnly.Text.ShouldContain("Lea Osprey now sees the documents you chose.");
        invoicesOnly.Document.QuerySelector("[data-testid=colleague-document-kinds]")!.TextContent.Trim().ShouldBe("Invoices");
        invoicesOnly.Document.QuerySelector("#documents-kind-Invoice")!.HasAttribute("checked").ShouldBeTrue();
        invoicesOnly.Document.QuerySelector("#documents-some")!.HasAttribute("checked").ShouldBeTrue();

        (await lea.GetAsync("/my")).Path.ShouldBe("/my");
        var revoked = await kim.SubmitAsync(invoicesOnly, "Revoke access");
        revoked.Text.ShouldContain("Lea Osprey no longer has access to the portal.");
        revoked.Document.QuerySelector("[data-testid=colleague-access]")!.TextContent.ShouldContain("Revoked");
        revoked.Text.ShouldNotContain("Send a new invitation");
        var next = await lea.GetAsync("/my", followRedirects: false);
        next.Status.ShouldBe(HttpStatusCode.Redirect);
        next.Location!.ShouldContain("/account/sign-in");

        var notices = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "lea@osprey.example")
            .OrderBy(m => m.CreatedAt).Select(m => new { m.Subject, m.TextBody }).ToListAsync());
        notices.Select(n => n.Subject).ShouldContain(s => s.StartsWith("You are now a company administrator"));
        notices.Select(n => n.Subject).ShouldContain(s => s.StartsWith("You are no longer a company administrator"));
        notices.Single(n => n.Subject.StartsWith("What you see")).TextBody.ShouldContain("Kim Osprey <kim@osprey.example>, an administrator of your company");
        notices.Single(n => n.Subject.StartsWith("What you see")).TextBody.ShouldContain(": invoices.");
        notices.Single(n => n.Subject.StartsWith("Your access to")).TextBody.ShouldContain("ended your access");

        var byKim = "Kim Osprey <kim@osprey.example> (customer)";
        var activity = await admin.GetAsync($"/admin/activity?contactId={leaId}");
        var rows = activity.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("Portal access revoked") && r.Contains(byKim));
        rows.ShouldContain(r => r.Contains("Company documents shown changed") && r.Contains("Invoices") && r.Contains(byKim));
        rows.ShouldContain(r => r.Contains("Made company administrator") && r.Contains(byKim));
        rows.ShouldContain(r => r.Contains("Re-invited") && r.Contains(byKim));
        var history = await admin.GetAsync($"/admin/contacts/{leaId}");
        history.Text.ShouldContain(byKim);

        var own = await kim.GetAsync(ColleaguePage(kimId));
        own.Document.QuerySelector("[data-testid=colleague-is-you]").ShouldNotBeNull();
        own.Document.QuerySelectorAll("main form[method=post]").Where(f => f.GetAttribute("action")?.Contains("colleagues") == true)
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_never_acts_on_themselves_and_the_refusal_is_shown_on_the_page()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Harrier GmbH", "office@harrier.example", kind: "Company");
        var (kim, kimId) = await factory.CompanyMemberAsync(admin, company, "Kim Harrier", "kim@harrier.example", administrator: true);
        var (lea, leaId) = await factory.CompanyMemberAsync(admin, company, "Lea Harrier", "lea@harrier.example", administrator: false);
        using var _1 = kim;
        using var _2 = lea;
        var token = AntiforgeryToken(await kim.GetAsync(ColleaguePage(leaId)));

        foreach (var (handler, fields) in SelfMoves)
        {
            using var response = await PostAsync(kim, kimId, handler, token, fields);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, handler);
            (await response.Content.ReadAsStringAsync()).ShouldContain("You can&#x27;t change your own access here.", Case.Sensitive, handler);
        }

        var stored = await factory.ContactAsync(kimId);
        stored.PortalUser!.State.ShouldBe(PortalAccessState.Active);
        stored.PortalUser.IsCompanyAdministrator.ShouldBeTrue();
        stored.PortalUser.CompanyDocumentKinds.IsAll.ShouldBeTrue();
        (await kim.GetAsync("/my/company")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_company_s_person_a_company_a_staff_member_or_no_one_at_all_is_a_404_on_every_handler_and_nothing_changes()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Merlin GmbH", "office@merlin.example", kind: "Company");
        var other = await admin.CreateContactAsync("Kite GmbH", "office@kite.example", kind: "Company");
        var (kim, _) = await factory.CompanyMemberAsync(admin, company, "Kim Merlin", "kim@merlin.example", administrator: true);
        var (lea, leaId) = await factory.CompanyMemberAsync(admin, company, "Lea Merlin", "lea@merlin.example", administrator: false);
        var (olga, olgaId) = await factory.CompanyMemberAsync(admin, other, "Olga Kite", "olga@kite.example", administrator: true);
        var (ole, oleId) = await factory.CompanyMemberAsync(admin, other, "Ole Kite", "ole@kite.example", administrator: false);
        using var _1 = kim;
        using var _2 = lea;
        using var _3 = olga;
        using var _4 = ole;
        var staffId = await factory.WithDbAsync(db => db.InternalUsers.Select(u => u.Id).FirstAsync());
        var token = AntiforgeryToken(await kim.GetAsync(ColleaguePage(leaId)));
        var before = await SnapshotAsync();

        var probes = new[] { olgaId, oleId, other, company, staffId, 999_999, 0, -1 };
        var answers = new List<string>();
        foreach (var id in probes)
        {
            using var get = await kim.Client.GetAsync(ColleaguePage(id));
            answers.Add($"GET {id}: {(int)get.StatusCode}");
            foreach (var (handler, fields) in SelfMoves)
            {
                using var post = await PostAsync(kim, id, handler, token, fields);
                answers.Add($"POST {handler} {id}: {(int)post.StatusCode}");
            }
        }
        // A colleague who is no company administrator finds none of the pages, not even of their own company's people.
        var leaToken = AntiforgeryToken(await lea.GetAsync("/my/account"));
        foreach (var (handler, fields) in SelfMoves)
        {
            using var post = await PostAsync(lea, leaId, handler, leaToken, fields);
            answers.Add($"colleague POST {handler}: {(int)post.StatusCode}");
        }
        using (var colleagueGet = await lea.Client.GetAsync(ColleaguePage(leaId)))
            answers.Add($"colleague GET: {(int)colleagueGet.StatusCode}");

        answers.Where(a => !a.EndsWith(": 404", StringComparison.Ordinal)).ShouldBeEmpty();
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Every_document_route_follows_the_kinds_the_administrator_lets_a_colleague_see_for_every_choice()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Gannet GmbH", "office@gannet.example", kind: "Company");
        var (kim, _) = await factory.CompanyMemberAsync(admin, company, "Kim Gannet", "kim@gannet.example", administrator: true);
        var (lea, leaId) = await factory.CompanyMemberAsync(admin, company, "Lea Gannet", "lea@gannet.example", administrator: false);
        using var _1 = kim;
        using var _2 = lea;
        // One document of every kind for the company, and one invoice of Lea's own, every one visible and with a PDF.
        var kinds = Enum.GetValues<DocumentKind>();
        var ofCompany = new Dictionary<DocumentKind, int>();
        foreach (var kind in kinds)
        {
            ofCompany[kind] = await admin.CreateDocumentAsync(company, kind.ToString(), DocumentFlows.Unique("G"),
                status: kind == DocumentKind.SalesOrder ? "Confirmed" : "Sent", withPdf: true);
        }
        var own = await admin.CreateDocumentAsync(leaId, "Invoice", DocumentFlows.Unique("G"), status: "Sent", withPdf: true);
        var everyId = ofCompany.Values.Append(own).ToList();

        // All, and every subset of the kinds: none, each single kind, each pair ... every kind ticked one by one.
        var choices = Enumerable.Range(0, 1 << kinds.Length)
            .Select(mask => (All: false, Kinds: kinds.Where((_, i) => (mask & (1 << i)) != 0).ToArray()))
            .Prepend((All: true, Kinds: Array.Empty<DocumentKind>()));
        var token = AntiforgeryToken(await kim.GetAsync(ColleaguePage(leaId)));
        var leaks = new List<string>();
        foreach (var (all, chosen) in choices)
        {
            var name = all ? "all" : $"[{string.Join(",", chosen)}]";
            using (var saved = await PostAsync(kim, leaId, "Documents", token, all
                ? [new("Documents.All", "true")]
                : chosen.Select(k => new KeyValuePair<string, string>("Documents.Kinds", k.ToString())).Append(new("Documents.All", "false"))))
            {
                saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, name);
            }
            var expected = ofCompany.Where(d => all || chosen.Contains(d.Key)).Select(d => d.Value).Append(own).Order().ToList();
            leaks.AddRange(await SweepAsync(lea, name, everyId, expected,
                kinds.ToDictionary(k => k, k => (all || chosen.Contains(k) ? 1 : 0) + (k == DocumentKind.Invoice ? 1 : 0))));
        }

        leaks.ShouldBeEmpty();
    }

    /// <summary>Every customer document route as <paramref name="viewer"/>: the list, each page and PDF, the ZIP, the tiles on /my.</summary>
    private static async Task<List<string>> SweepAsync(PortalBrowser viewer, string choice, IReadOnlyList<int> everyId,
        IReadOnlyList<int> expected, IReadOnlyDictionary<DocumentKind, int> tiles)
    {
        var leaks = new List<string>();
        var list = await viewer.GetAsync("/my/documents");
        var listed = list.Document.QuerySelectorAll("tr[data-document-id]")
            .Select(r => int.Parse(r.GetAttribute("data-document-id")!, CultureInfo.InvariantCulture)).Order().ToList();
        if (!listed.SequenceEqual(expected)) leaks.Add($"{choice}: list shows {string.Join(",", listed)}");
        foreach (var id in everyId)
        {
            var wanted = expected.Contains(id) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            using var page = await viewer.Client.GetAsync($"/my/documents/{id}");
            using var pdf = await viewer.Client.GetAsync($"/my/documents/{id}/pdf");
            if (page.StatusCode != wanted) leaks.Add($"{choice}: page {id} {(int)page.StatusCode}");
            if (pdf.StatusCode != wanted) leaks.Add($"{choice}: pdf {id} {(int)pdf.StatusCode}");
        }

        var zipForm = list.Document.QuerySelector("[data-testid=download-zip]")!.Closest("form")!;
        using var zip = await viewer.Client.PostAsync(zipForm.GetAttribute("action"), new FormUrlEncodedContent(
            everyId.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture)))
                .Append(new("__RequestVerificationToken", zipForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!))));
        using (var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync()))
        {
            if (archive.Entries.Count != expected.Count) leaks.Add($"{choice}: ZIP holds {archive.Entries.Count}");
        }

        var home = await viewer.GetAsync("/my");
        foreach (var (kind, count) in tiles)
        {
            var shown = home.Document.QuerySelector($"[data-testid=document-tile-{kind}] [data-testid=document-count]")?.TextContent.Trim();
            if (shown != (count == 0 ? null : count.ToString(CultureInfo.InvariantCulture))) leaks.Add($"{choice}: tile {kind} shows {shown}");
        }
        return leaks;
    }

    private static readonly (string Handler, Dictionary<string, string> Fields)[] SelfMoves =
    [
        ("ReInvite", []),
        ("Revoke", []),
        ("Administrator", new() { ["isAdministrator"] = "true" }),
        ("Administrator", new() { ["isAdministrator"] = "false" }),
        ("Documents", new() { ["Documents.All"] = "false", ["Documents.Kinds"] = "Invoice" }),
    ];

    private static Task<HttpResponseMessage> PostAsync(PortalBrowser browser, int id, string handler, string token,
        IEnumerable<KeyValuePair<string, string>> fields) =>
        browser.Client.PostAsync($"{ColleaguePage(id)}?handler={handler}",
            new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));

    private static string AntiforgeryToken(Page page) =>
        page.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>Everything a colleague move could change, as one comparable text.</summary>
    private Task<string> SnapshotAsync() => factory.WithDbAsync(async db =>
    {
        var users = (await db.PortalUsers.OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.State, u.IsCompanyAdministrator, u.CompanyDocumentKinds }).ToListAsync())
            .Select(u => $"{u.Id}:{u.State}:{u.IsCompanyAdministrator}:{u.CompanyDocumentKinds}");
        var counts = $"{await db.PortalAccessEvents.CountAsync()}/{await db.ActivityEntries.CountAsync()}/{await db.Invitations.CountAsync()}"
            + $"/{await db.OutboxMessages.CountAsync()}";
        return string.Join(",", users) + "|" + counts;
    });
}
