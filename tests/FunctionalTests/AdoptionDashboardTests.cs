using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// The back office's start page, adoption at a glance: each figure against a company's customers seeded through the app on
/// the test clock, by period, with the "needs attention" links leading to exactly the contacts they count.
/// </summary>
public sealed class AdoptionDashboardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// One company's customers, on the clock: Dora accepted long ago and never came back; Fritz's invitation ran out; Anna,
    /// Gina and Bernd accepted after 2, 3 and 26 hours; Carla's and Emil's links run out tomorrow, and Emil's mail failed;
    /// Gina is locked out now.
    /// </summary>
    private sealed record Seeded(
        int CompanyId,
        string Company,
        Dictionary<string, int> Ids,
        DateTimeOffset FritzGranted,
        List<(string Customer, DateTimeOffset At)> Acceptances,
        List<(string Customer, DateTimeOffset At)> SignIns);

    private async Task<Seeded> SeedCompanyAsync(string company)
    {
        var domain = company.ToLowerInvariant().Replace(' ', '-') + ".example";
        string Mail(string name) => $"{name.ToLowerInvariant()}@{domain}";
        var admin = await factory.SignedInAdminAsync();
        var companyId = await admin.CreateContactAsync(company, $"info@{domain}", kind: "Company");
        var ids = new Dictionary<string, int>();
        foreach (var name in new[] { "Dora", "Fritz", "Anna", "Bernd", "Carla", "Emil", "Gina" })
            ids[name] = await admin.CreateContactAsync($"{name} {company}", Mail(name), companyId.ToString(CultureInfo.InvariantCulture));
        var acceptances = new List<(string Customer, DateTimeOffset At)>();

        async Task AcceptAsync(string name)
        {
            using var customer = factory.NewBrowser();
            (await customer.AcceptInvitationAsync(await factory.LatestInvitationPathAsync(Mail(name)))).Path.ShouldBe("/my");
            acceptances.Add((name, factory.Clock.GetUtcNow()));
        }

        void Moved(string name, TimeSpan back) =>
            acceptances = acceptances.Select(a => a.Customer == name ? (a.Customer, a.At - back) : a).ToList();

        // Months pass for Dora and two weeks for Fritz by moving their stored times back: the test clock's timers fire once
        // per period skipped, which for months is more than a test can wait for.
        await admin.GrantAsync(ids["Dora"]);
        await factory.DispatchMailNowAsync();
        factory.Clock.Advance(TimeSpan.FromHours(4));
        await AcceptAsync("Dora");
        await factory.MoveAccessBackAsync(ids["Dora"], TimeSpan.FromDays(106));
        Moved("Dora", TimeSpan.FromDays(106));
        // Staff sessions end after a few idle hours on the test clock too.
        admin.Dispose();
        admin = await factory.SignedInAdminAsync();

        await admin.GrantAsync(ids["Fritz"]);
        await factory.DispatchMailNowAsync();
        await factory.MoveAccessBackAsync(ids["Fritz"], TimeSpan.FromDays(14));
        var fritzGranted = factory.Clock.GetUtcNow() - TimeSpan.FromDays(14);

        var recent = new[] { "Anna", "Bernd", "Carla", "Emil", "Gina" };
        foreach (var name in recent) await admin.GrantAsync(ids[name]);
        admin.Dispose();
        await factory.DispatchMailNowAsync();
        // The background dispatcher may be sending it at this moment and would then write "sent" over a failure written now:
        // the mail is made to have failed once it is stored as sent.
        var emil = Mail("Emil");
        // Every invitation mail counts as delivered only once stored as sent, which a send in the background may not have yet.
        for (var waited = 0; waited < 200; waited++)
        {
            var pending = await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == Portal.Domain.Mail.OutboxStatus.Pending));
            if (pending == 0) break;
            await Task.Delay(50);
        }
        await factory.WithDbAsync(async db =>
        {
            var mail = await db.OutboxMessages.SingleAsync(m => m.ToAddress == emil);
            while (mail.Status != Portal.Domain.Mail.OutboxStatus.Failed)
                mail.MarkAttemptFailed("550 mailbox unavailable", factory.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
            await db.SaveChangesAsync();
        });

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await AcceptAsync("Anna");
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await AcceptAsync("Gina");
        factory.Clock.Advance(TimeSpan.FromHours(23));
        await AcceptAsync("Bernd");
        // Granted six days ago: Carla's and Emil's links run out tomorrow.
        var back = TimeSpan.FromDays(6) - TimeSpan.FromHours(26);
        foreach (var name in recent)
        {
            await factory.MoveAccessBackAsync(ids[name], back);
            Moved(name, back);
        }

        using (var anna = factory.NewBrowser())
            (await anna.SignInAsync(Mail("Anna"), Flows.CustomerPassword)).Path.ShouldBe("/my");
        var signIns = acceptances.Where(a => a.Customer != "Dora").Append(("Anna", factory.Clock.GetUtcNow())).ToList();
        await factory.WithDbAsync(async db =>
        {
            var gina = await db.PortalUsers.SingleAsync(u => u.ContactId == ids["Gina"]);
            gina.RecordFailedSignIn(factory.Clock.GetUtcNow(), maxFailures: 1, lockout: TimeSpan.FromMinutes(15));
            await db.SaveChangesAsync();
        });
        return new Seeded(companyId, company, ids, fritzGranted, acceptances, signIns);
    }

    private static Dictionary<string, string> Funnel(Page page, string column) =>
        page.Document.QuerySelectorAll("#funnel tbody tr").ToDictionary(
            row => row.GetAttribute("data-step")!, row => row.QuerySelector($"[{column}]")!.TextContent.Trim());

    private static Dictionary<string, int> Attention(Page page) =>
        page.Document.QuerySelectorAll("#needs-attention li").ToDictionary(
            item => item.QuerySelector("a")!.GetAttribute("data-attention")!,
            item => int.Parse(item.QuerySelector("[data-count]")!.TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

    private static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    [Fact]
    public async Task The_funnel_median_and_needs_attention_count_one_companys_customers_granted_in_the_last_90_days()
    {
        var seeded = await SeedCompanyAsync("Dash Funnel GmbH");
        using var admin = await factory.SignedInAdminAsync();

        var page = await admin.GetAsync($"/admin?company={seeded.CompanyId}&period=Last90Days");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#adoption-scope")!.TextContent.ShouldContain("Dash Funnel GmbH");
        Funnel(page, "data-count").ShouldBe(new Dictionary<string, string>
        {
            ["granted"] = "6", ["delivered"] = "5", ["accepted"] = "3", ["active"] = "3",
        });
        Funnel(page, "data-percent").ShouldBe(new Dictionary<string, string>
        {
            ["granted"] = "100 %", ["delivered"] = "83 %", ["accepted"] = "50 %", ["active"] = "50 %",
        });
        page.Document.QuerySelector("#median-time")!.TextContent.ShouldContain("3 h 0 min");
        Attention(page).ShouldBe(new Dictionary<string, int>
        {
            ["InvitationExpiringSoon"] = 2, ["InvitationExpired"] = 1, ["InvitationMailFailed"] = 1, ["Dormant"] = 1, ["LockedOut"] = 1,
        });
    }

    [Fact]
    public async Task All_time_counts_every_grant_of_the_company_and_a_date_range_only_the_grants_on_those_days()
    {
        var seeded = await SeedCompanyAsync("Dash Period GmbH");
        using var admin = await factory.SignedInAdminAsync();

        var allTime = await admin.GetAsync($"/admin?company={seeded.CompanyId}&period=AllTime");
        Funnel(allTime, "data-count").ShouldBe(new Dictionary<string, string>
        {
            ["granted"] = "7", ["delivered"] = "6", ["accepted"] = "4", ["active"] = "3",
        });
        allTime.Document.QuerySelector("#median-time")!.TextContent.ShouldContain("3 h 30 min");

        var day = seeded.FritzGranted.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var oneDay = await admin.GetAsync($"/admin?company={seeded.CompanyId}&period=Between&from={day}&to={day}");
        Funnel(oneDay, "data-count").ShouldBe(new Dictionary<string, string>
        {
            ["granted"] = "1", ["delivered"] = "1", ["accepted"] = "0", ["active"] = "0",
        });
        oneDay.Document.QuerySelector("#median-time")!.TextContent.ShouldContain("No one granted access in this period has accepted yet.");
        // Needs attention is about now, whatever the period.
        Attention(oneDay).ShouldBe(Attention(allTime));
    }

    [Fact]
    public async Task The_weekly_chart_and_its_table_show_acceptances_and_customers_signed_in_per_week_for_twelve_weeks()
    {
        var seeded = await SeedCompanyAsync("Dash Weeks GmbH");
        using var admin = await factory.SignedInAdminAsync();

        var page = await admin.GetAsync($"/admin?company={seeded.CompanyId}");

        var rows = page.Document.QuerySelectorAll("#adoption-weeks tbody tr");
        rows.Length.ShouldBe(12);
        var lastWeek = WeekOf(factory.Clock.GetUtcNow());
        rows[^1].GetAttribute("data-week").ShouldBe(lastWeek.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var row in rows)
        {
            var week = DateOnly.ParseExact(row.GetAttribute("data-week")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var accepted = seeded.Acceptances.Count(a => WeekOf(a.At) == week);
            var signedIn = seeded.SignIns.Where(s => WeekOf(s.At) == week).Select(s => s.Customer).Distinct().Count();
            (row.QuerySelector("[data-accepted]")!.TextContent, row.QuerySelector("[data-signed-in]")!.TextContent)
                .ShouldBe((accepted.ToString(CultureInfo.InvariantCulture), signedIn.ToString(CultureInfo.InvariantCulture)), $"week of {week}");
        }
        var chart = page.Document.QuerySelector("svg#adoption-chart")!;
        chart.GetAttribute("role").ShouldBe("img");
        chart.QuerySelectorAll("rect.chart-accepted").Length.ShouldBe(12);
        chart.QuerySelectorAll("rect.chart-signed-in-marker").Length.ShouldBe(12);
        page.Document.QuerySelectorAll("[style]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("InvitationExpiringSoon", new[] { "Carla", "Emil" })]
    [InlineData("InvitationExpired", new[] { "Fritz" })]
    [InlineData("InvitationMailFailed", new[] { "Emil" })]
    [InlineData("Dormant", new[] { "Dora" })]
    [InlineData("LockedOut", new[] { "Gina" })]
    public async Task Each_needs_attention_link_lists_exactly_the_contacts_it_counts_and_a_bulk_job_acts_on_them_alone(
        string filter, string[] expected)
    {
        var seeded = await SeedCompanyAsync($"Dash {filter} GmbH");
        using var admin = await factory.SignedInAdminAsync();
        var dashboard = await admin.GetAsync($"/admin?company={seeded.CompanyId}");
        var link = dashboard.Document.QuerySelector($"#needs-attention a[data-attention={filter}]")!;

        var list = await admin.GetAsync(link.GetAttribute("href")!);

        list.Status.ShouldBe(HttpStatusCode.OK);
        var names = list.Document.QuerySelectorAll("table tbody tr td:nth-child(2) a").Select(a => a.TextContent.Trim()).ToList();
        names.ShouldBe(expected.Select(name => $"{name} {seeded.Company}"), ignoreOrder: true);
        list.Document.QuerySelector("#company-filter")!.TextContent.ShouldContain(seeded.Company);

        var kind = filter == "LockedOut" ? "Revoke" : "ReInvite";
        var bulk = list.Document.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.Contains($"kind={kind}"));
        bulk.TextContent.ShouldContain($" {expected.Length} ");
        var confirm = await admin.GetAsync(bulk.GetAttribute("href")!);
        var job = await admin.SubmitAsync(confirm);
        var jobId = int.Parse(job.Path.Split('/')[^1], CultureInfo.InvariantCulture);
        var jobContacts = await factory.WithDbAsync(db => db.PortalAccessJobItems.Where(i => i.JobId == jobId).Select(i => i.ContactId).ToListAsync());
        jobContacts.ShouldBe(expected.Select(name => seeded.Ids[name]), ignoreOrder: true);
    }

    /// <summary>How many contacts the list behind a needs-attention link holds, as its bulk action counts them.</summary>
    private static async Task<int> ListedAsync(PortalBrowser admin, string href)
    {
        var list = await admin.GetAsync(href);
        if (list.Document.QuerySelectorAll("table tbody tr td:nth-child(2) a").Length == 0) return 0;
        var bulk = list.Document.QuerySelectorAll("a").First(a => a.GetAttribute("href")!.Contains("kind=", StringComparison.Ordinal));
        return int.Parse(Regex.Match(bulk.TextContent, @" (\d[\d,]*) ").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>Each needs-attention filter as the contacts list first wrote it: on the contact, a look at each of its links.</summary>
    private Task<Dictionary<string, int>> CountedOnTheContactsAsync() => factory.WithDbAsync(async db =>
    {
        var now = factory.Clock.GetUtcNow();
        var soon = now + TimeSpan.FromHours(48);
        var cutoff = now - TimeSpan.FromDays(90);
        var contacts = db.Contacts.AsNoTracking();
        return new Dictionary<string, int>
        {
            ["InvitationExpiringSoon"] = await contacts.CountAsync(c => c.PortalUser!.State == PortalAccessState.Invited
                && c.PortalUser.Invitations.Any(i => i.UsedAt == null && i.VoidedAt == null && i.ExpiresAt > now && i.ExpiresAt <= soon)),
            ["InvitationExpired"] = await contacts.CountAsync(c => c.PortalUser!.State == PortalAccessState.Invited
                && c.PortalUser.Invitations.Any()
                && !c.PortalUser.Invitations.Any(i => i.UsedAt == null && i.VoidedAt == null && i.ExpiresAt > now)),
            ["InvitationMailFailed"] = await contacts.CountAsync(c => c.PortalUser != null
                && (c.PortalUser.State == PortalAccessState.Invited || c.PortalUser.State == PortalAccessState.Active)
                && c.PortalUser.Invitations.Any(i => i.UsedAt == null && i.VoidedAt == null && i.MailStatus == OutboxStatus.Failed)),
            ["Dormant"] = await contacts.CountAsync(c => c.PortalUser!.State == PortalAccessState.Active
                && (c.PortalUser.LastSignInAt == null || c.PortalUser.LastSignInAt < cutoff)
                && (c.PortalUser.AcceptedAt == null || c.PortalUser.AcceptedAt < cutoff)),
            ["LockedOut"] = await contacts.CountAsync(c => c.PortalUser != null && c.PortalUser.LockoutEndsAt > now),
        };
    });

    [Fact]
    public async Task The_whole_portals_needs_attention_counts_what_its_links_list_and_what_each_filter_always_meant()
    {
        await SeedCompanyAsync("Dash Whole Count GmbH");
        using var admin = await factory.SignedInAdminAsync();

        var page = await admin.GetAsync("/admin?period=AllTime");

        var counts = Attention(page);
        counts.Values.ShouldAllBe(count => count > 0);
        counts.ShouldBe(await CountedOnTheContactsAsync());
        foreach (var link in page.Document.QuerySelectorAll("#needs-attention a"))
            (await ListedAsync(admin, link.GetAttribute("href")!)).ShouldBe(counts[link.GetAttribute("data-attention")!], link.GetAttribute("href"));
    }

    [Fact]
    public async Task An_expired_invitation_counts_once_and_a_re_invite_with_a_working_link_takes_it_off_for_the_company_and_the_whole_portal()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Dash Renewed GmbH", "info@dash-renewed.example", kind: "Company");
        var rex = await admin.CreateContactAsync("Rex Renewed", "rex@dash-renewed.example", company.ToString(CultureInfo.InvariantCulture));
        await admin.GrantAsync(rex);
        await factory.DispatchMailNowAsync();
        var ofCompany = $"/admin?company={company}";
        var wholeBefore = Attention(await admin.GetAsync("/admin"));
        await factory.MoveAccessBackAsync(rex, TimeSpan.FromDays(14));

        var expired = await admin.GetAsync(ofCompany);
        Attention(expired)["InvitationExpired"].ShouldBe(1);
        Attention(await admin.GetAsync("/admin"))["InvitationExpired"].ShouldBe(wholeBefore["InvitationExpired"] + 1);
        var listed = await admin.GetAsync(expired.Document.QuerySelector("#needs-attention a[data-attention=InvitationExpired]")!.GetAttribute("href")!);
        listed.Text.ShouldContain("Rex Renewed");

        // The re-invite voids the link that ran out and sends one that works for a week.
        var wizard = await admin.OpenWizardAsync(rex);
        await admin.PressRowButtonAsync(wizard, rex, "ReInvite");
        var renewed = Attention(await admin.GetAsync(ofCompany));
        (renewed["InvitationExpired"], renewed["InvitationExpiringSoon"]).ShouldBe((0, 0));
        Attention(await admin.GetAsync("/admin"))["InvitationExpired"].ShouldBe(wholeBefore["InvitationExpired"]);

        // Once the new link has run out too, both dead links are still one customer.
        await factory.MoveAccessBackAsync(rex, TimeSpan.FromDays(8));
        Attention(await admin.GetAsync(ofCompany))["InvitationExpired"].ShouldBe(1);
        var whole = Attention(await admin.GetAsync("/admin"));
        whole["InvitationExpired"].ShouldBe(wholeBefore["InvitationExpired"] + 1);
        whole.ShouldBe(await CountedOnTheContactsAsync());
    }

    [Fact]
    public async Task A_read_only_colleague_sees_the_dashboard_and_its_filtered_lists()
    {
        var seeded = await SeedCompanyAsync("Dash Reader GmbH");
        var (reader, _) = await factory.SignedInColleagueAsync("reader@dash.example", "Rita Reader", StaffRole.ReadOnly);
        using (reader)
        {
            var page = await reader.GetAsync($"/admin?company={seeded.CompanyId}");

            page.Status.ShouldBe(HttpStatusCode.OK);
            page.Document.QuerySelector("h1")!.TextContent.ShouldBe("Adoption at a glance");
            Funnel(page, "data-count")["granted"].ShouldBe("6");
            var expired = page.Document.QuerySelector("#needs-attention a[data-attention=InvitationExpired]")!.GetAttribute("href")!;
            var list = await reader.GetAsync(expired);
            list.Status.ShouldBe(HttpStatusCode.OK);
            list.Text.ShouldContain($"Fritz {seeded.Company}");
        }
    }

    [Fact]
    public async Task A_company_is_picked_by_searching_for_it_and_an_ambiguous_or_unknown_name_is_explained()
    {
        using var admin = await factory.SignedInAdminAsync();
        var north = await admin.CreateContactAsync("Dashpick North AG", "north@dashpick.example", kind: "Company");
        await admin.CreateContactAsync("Dashpick South AG", "south@dashpick.example", kind: "Company");

        var single = await admin.GetAsync("/admin?find=dashpick+north");
        single.Document.QuerySelector("#adoption-scope")!.TextContent.ShouldContain("Dashpick North AG");
        single.Document.QuerySelector("input[name=company]")!.GetAttribute("value").ShouldBe(north.ToString(CultureInfo.InvariantCulture));

        var ambiguous = await admin.GetAsync("/admin?find=dashpick");
        ambiguous.Document.QuerySelectorAll("#company-choice-list a").Select(a => a.TextContent).ShouldBe(["Dashpick North AG", "Dashpick South AG"]);
        ambiguous.Document.QuerySelector("#funnel").ShouldBeNull();

        var unknown = await admin.GetAsync("/admin?find=zzqx-no-such-company");
        unknown.Status.ShouldBe(HttpStatusCode.OK);
        unknown.Text.ShouldContain("No company matches “zzqx-no-such-company”.");
    }

    [Theory]
    [InlineData("period=Between&from=2026-05-02&to=2026-05-01", "The last day of the period must not be before its first day.")]
    [InlineData("period=Between", "Please enter the first day of the period.")]
    [InlineData("period=Between&from=yesterday&to=2026-05-01", "Please enter a date as year-month-day, e.g. 2026-03-31.")]
    [InlineData("period=Forever", "Please choose a period from the list.")]
    [InlineData("period=99", "Please choose a period from the list.")]
    [InlineData("period=Between&from=1900-01-01&to=2026-05-01", "Please enter a date between 2000-01-01 and 2100-12-31.")]
    [InlineData("company=999999", "Please choose a company from the list.")]
    [InlineData("company=abc", "Please choose a company from the list.")]
    public async Task A_bad_filter_is_explained_on_the_page_instead_of_failing(string query, string message)
    {
        using var admin = await factory.SignedInAdminAsync();

        var page = await admin.GetAsync($"/admin?{query}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[role=alert]")!.TextContent.ShouldContain(message);
        page.Document.QuerySelector("#funnel").ShouldBeNull();
    }

    [Fact]
    public async Task A_grant_shows_on_the_dashboard_at_once_although_figures_are_kept_for_a_few_seconds()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Dash Fresh GmbH", "info@dash-fresh.example", kind: "Company");
        var person = await admin.CreateContactAsync("Fresh Person", "person@dash-fresh.example", company.ToString(CultureInfo.InvariantCulture));
        Funnel(await admin.GetAsync($"/admin?company={company}"), "data-count")["granted"].ShouldBe("0");

        await admin.GrantAsync(person);

        Funnel(await admin.GetAsync($"/admin?company={company}"), "data-count")["granted"].ShouldBe("1");
    }

    [Fact]
    public async Task The_whole_portal_counts_at_least_every_company_and_the_dashboard_reads_in_german()
    {
        var seeded = await SeedCompanyAsync("Dash Whole GmbH");
        using var admin = await factory.SignedInAdminAsync("de");

        var page = await admin.GetAsync("/admin?period=AllTime");

        page.Document.QuerySelector("h1")!.TextContent.ShouldBe("Akzeptanz auf einen Blick");
        page.Document.QuerySelector("#adoption-scope")!.TextContent.ShouldContain("Alle Firmen");
        int.Parse(Funnel(page, "data-count")["granted"], NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("de")).ShouldBeGreaterThanOrEqualTo(7);
        var expired = page.Document.QuerySelector("#needs-attention a[data-attention=InvitationExpired]")!;
        expired.GetAttribute("href").ShouldBe("/admin/contacts?access=InvitationExpired");
        expired.TextContent.ShouldBe("Einladung abgelaufen");
        var list = await admin.GetAsync(expired.GetAttribute("href")!);
        list.Text.ShouldContain($"Fritz {seeded.Company}");
    }
}
