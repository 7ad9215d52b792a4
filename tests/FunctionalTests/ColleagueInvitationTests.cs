using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// A company administrator invites colleagues from /my/company, within what the business allows in Settings: off, on, or
/// with staff approval (the back office's "Requests"), a cap of portal users per company, and an hourly limit.
/// </summary>
public sealed class ColleagueInvitationTests(ColleagueInvitationTests.LimitedPortal factory) : IClassFixture<ColleagueInvitationTests.LimitedPortal>
{
    /// <summary>An hourly limit small enough to reach.</summary>
    public sealed class LimitedPortal : PortalFactory
    {
        public const int InvitationsPerHour = 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:CompanyAccounts:InvitationsPerHour",
                InvitationsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_company_administrator_invites_a_colleague_recorded_as_the_customer_but_never_a_used_login()
    {
        using var admin = await factory.SignedInAdminAsync();
        await admin.SetCompanyAccountsAsync("On");
        var company = await admin.CreateContactAsync("Egret GmbH", "office@egret.example", kind: "Company");
        var (kim, _) = await factory.CompanyMemberAsync(admin, company, "Kim Egret", "kim@egret.example", administrator: true);
        var (lou, _) = await factory.ActiveCustomerAsync(admin, "Lou Elsewhere", "lou@elsewhere.example");
        using var _1 = kim;
        using var _2 = lou;

        var invited = await kim.InviteColleagueAsync("Lea Egret", "lea@egret.example", "de");
        invited.Path.ShouldBe("/my/company");
        invited.Text.ShouldContain("Lea Egret was invited");
        invited.Document.QuerySelectorAll("tr[data-colleague-id]").Single(r => r.TextContent.Contains("Lea Egret"))
            .TextContent.ShouldContain("Invited");
        var lea = await factory.WithDbAsync(db => db.Contacts.Include(c => c.PortalUser).SingleAsync(c => c.Email == "lea@egret.example"));
        (lea.CompanyId, lea.PreferredLanguage, lea.PortalUser!.Login).ShouldBe((company, "de", "lea@egret.example"));
        using (var colleague = factory.NewBrowser())
            (await colleague.AcceptInvitationAsync(await factory.LatestInvitationPathAsync("lea@egret.example"))).Path.ShouldBe("/my");

        var activity = await admin.GetAsync($"/admin/activity?ContactId={lea.Id}");
        var granted = activity.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Portal access granted"));
        granted.TextContent.ShouldContain("Kim Egret <kim@egret.example> (customer)");
        (await admin.GetAsync($"/admin/contacts/{lea.Id}")).Text.ShouldContain("Kim Egret <kim@egret.example>");

        foreach (var (email, refusal) in new[]
                 {
                     ("LOU@elsewhere.example", "This e-mail address is already used by another user."),
                     ("kim@egret.example", "This e-mail address is already used by another user."),
                     (PortalFactory.AdminEmail, "This e-mail address belongs to an internal user; internal users can't be portal users."),
                     ("not-an-address", "Please enter a valid e-mail address."),
                 })
        {
            var refused = await kim.InviteColleagueAsync("Someone", email, "en");
            refused.Path.ShouldBe("/my/company/invite");
            refused.Text.ShouldContain(refusal);
        }
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.CompanyId == company))).ShouldBe(2);

        // A colleague who is not the company's administrator finds nothing to invite with.
        using var leaBrowser = factory.NewBrowser();
        (await leaBrowser.SignInAsync("lea@egret.example", Flows.CustomerPassword)).Path.ShouldBe("/my");
        (await leaBrowser.GetAsync("/my/company/invite")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await lou.GetAsync("/my/company/invite")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Switched_off_the_invitation_is_neither_offered_nor_accepted()
    {
        using var admin = await factory.SignedInAdminAsync();
        await admin.SetCompanyAccountsAsync("On");
        var company = await admin.CreateContactAsync("Stork AG", "office@stork.example", kind: "Company");
        var (kim, _) = await factory.CompanyMemberAsync(admin, company, "Kim Stork", "kim@stork.example", administrator: true);
        using var _1 = kim;
        var form = await kim.GetAsync("/my/company/invite");

        await admin.SetCompanyAccountsAsync("Off");

        (await kim.GetAsync("/my/company")).Document.QuerySelector("a[href='/my/company/invite']").ShouldBeNull();
        (await kim.GetAsync("/my/company/invite")).Status.ShouldBe(HttpStatusCode.NotFound);
        var refused = await kim.SubmitAsync(form, "Send invitation", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Late Stork", ["Input.Email"] = "late@stork.example",
        });
        refused.Text.ShouldContain("Inviting colleagues is switched off.");
        (await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Email == "late@stork.example"))).ShouldBeFalse();
    }

    [Fact]
    public async Task With_staff_approval_the_request_waits_until_staff_approve_or_refuse_it_and_the_requester_hears_either_way()
    {
        using var admin = await factory.SignedInAdminAsync();
        await admin.SetCompanyAccountsAsync("WithStaffApproval");
        var company = await admin.CreateContactAsync("Crane KG", "office@crane.example", kind: "Company");
        var (kim, kimId) = await factory.CompanyMemberAsync(admin, company, "Kim Crane", "kim@crane.example", administrator: true);
        using var _1 = kim;
        // The decision reaches the requester in their own language.
        await factory.WithDbAsync(db =>
            db.Contacts.Where(c => c.Id == kimId).ExecuteUpdateAsync(c => c.SetProperty(x => x.PreferredLanguage, "de")));

        (await kim.InviteColleagueAsync("Max Crane", "max@crane.example", "en", "Request access")).Text
            .ShouldContain("Your request to invite Max Crane was sent.");
        var mine = await kim.InviteColleagueAsync("Nora Crane", "nora@crane.example", "en", "Request access");
        mine.Document.QuerySelector("[data-testid=pending-requests]")!.TextContent.ShouldContain("max@crane.example");
        (await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Email == "max@crane.example"))).ShouldBeFalse();

        var (reader, _) = await factory.SignedInColleagueAsync("rita.reader@portal.test", "Rita Reader", StaffRole.ReadOnly);
        using (reader)
        {
            var seen = await reader.GetAsync("/admin/portal-access/requests");
            seen.Text.ShouldContain("max@crane.example");
            seen.Document.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Approve");
        }

        var requests = await admin.GetAsync("/admin/portal-access/requests");
        var approved = await admin.SubmitAsync(requests, fields: null, buttonSelector: RowButton(requests, "max@crane.example", "Approve"));
        approved.Text.ShouldContain("The request was approved; Max Crane was invited.");
        var max = await factory.WithDbAsync(db => db.Contacts.Include(c => c.PortalUser).SingleAsync(c => c.Email == "max@crane.example"));
        (max.CompanyId, max.PortalUser!.State).ShouldBe((company, PortalAccessState.Invited));
        await factory.LatestInvitationPathAsync("max@crane.example");

        var refused = await admin.SubmitAsync(approved, fields: new Dictionary<string, string?> { ["Refusal.Reason"] = "Nora left in May." },
            buttonSelector: RowButton(approved, "nora@crane.example", "Refuse"));
        refused.Text.ShouldContain("The request to invite Nora Crane was refused.");
        refused.Text.ShouldContain("No requests are waiting.");
        (await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Email == "nora@crane.example"))).ShouldBeFalse();

        var told = await factory.Smtp.WaitForAsync("kim@crane.example", 3);
        told.Select(m => m.Subject).ShouldContain("Ihr Kollege oder Ihre Kollegin hat jetzt Zugang zum Kundenportal von Contoso Trading");
        var refusal = told.Single(m => m.Subject?.StartsWith("Ihre Anfrage auf Zugang", StringComparison.Ordinal) == true).TextBody;
        refusal.ShouldNotBeNull();
        refusal.ShouldContain("Nora Crane <nora@crane.example>");
        refusal.ShouldContain("Die angegebene Begründung: Nora left in May.");
        (await kim.GetAsync("/my/company")).Document.QuerySelector("[data-testid=pending-requests]").ShouldBeNull();
        var activity = (await admin.GetAsync($"/admin/activity?ContactId={company}")).Text;
        activity.ShouldContain("Access requested for a colleague");
        activity.ShouldContain("Colleague request refused");
    }

    [Fact]
    public async Task The_cap_of_portal_users_and_the_hourly_limit_refuse_further_invitations_with_a_clear_message()
    {
        using var admin = await factory.SignedInAdminAsync();
        await admin.SetCompanyAccountsAsync("On", maxPortalUsers: "2");
        var company = await admin.CreateContactAsync("Ibis SE", "office@ibis.example", kind: "Company");
        var (kim, _) = await factory.CompanyMemberAsync(admin, company, "Kim Ibis", "kim@ibis.example", administrator: true);
        using var _1 = kim;

        (await kim.InviteColleagueAsync("Ada Ibis", "ada@ibis.example", "en")).Path.ShouldBe("/my/company");
        (await kim.InviteColleagueAsync("Bo Ibis", "bo@ibis.example", "en")).Text
            .ShouldContain("Your company has reached the maximum number of portal users.");

        await admin.SetCompanyAccountsAsync("On", maxPortalUsers: "");
        for (var i = 2; i <= LimitedPortal.InvitationsPerHour; i++)
            (await kim.InviteColleagueAsync($"Colleague {i}", $"colleague{i}@ibis.example", "en")).Path.ShouldBe("/my/company");
        (await kim.InviteColleagueAsync("One Too Many", "too.many@ibis.example", "en")).Text
            .ShouldContain("Your company has sent as many invitations as allowed in one hour.");
    }

    [Fact]
    public async Task Where_the_business_allows_it_the_company_administrator_edits_the_company_details()
    {
        using var admin = await factory.SignedInAdminAsync();
        await admin.SetCompanyAccountsAsync("On", editDetails: true);
        var company = await admin.CreateContactAsync("Heron Holding", "office@heronholding.example", kind: "Company");
        var (kim, _) = await factory.CompanyMemberAsync(admin, company, "Kim Holding", "kim@heronholding.example", administrator: true);
        using var _1 = kim;

        var page = await kim.GetAsync("/my/company");
        page.Document.QuerySelector("[data-testid=company-details-form]").ShouldNotBeNull();
        var refused = await kim.SubmitAsync(page, "Save company details", new Dictionary<string, string?> { ["EditDetails.Details.Name"] = "" });
        refused.Path.ShouldBe("/my/company/details");
        refused.Text.ShouldContain("Please enter a name.");
        var saved = await kim.SubmitAsync(refused, "Save company details", new Dictionary<string, string?>
        {
            ["EditDetails.Details.Name"] = "Heron Holding SE", ["EditDetails.Details.City"] = "Bremen",
        });
        saved.Path.ShouldBe("/my/company");
        saved.Document.QuerySelector("h1")!.TextContent.ShouldBe("Heron Holding SE");
        var activity = await admin.GetAsync($"/admin/activity?ContactId={company}");
        activity.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Company details changed"))
            .TextContent.ShouldContain("Kim Holding <kim@heronholding.example> (customer)");

        await admin.SetCompanyAccountsAsync("On", editDetails: false);
        (await kim.GetAsync("/my/company")).Document.QuerySelector("[data-testid=company-details-form]").ShouldBeNull();
        (await kim.GetAsync("/my/company/details")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string RowButton(Page page, string email, string label)
    {
        var row = page.Document.QuerySelectorAll("tr[data-request-id]").Single(r => r.TextContent.Contains(email));
        return $"tr[data-request-id='{row.GetAttribute("data-request-id")}'] form[action*='handler={label}'] button";
    }
}
