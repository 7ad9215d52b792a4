using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// Staff change an active customer's e-mail: it waits for the customer's confirmation from the new address, and the old
/// address gets a notice whose link cancels the change and tells the back office.
/// </summary>
public sealed partial class StaffEmailChangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string LinkInvalid = "This link is not valid, was already used or has expired. Please request a new one.";
    private const string ReportButton = "This wasn't me: cancel the change";
    private const string Reported = "E-mail change reported by the customer";

    [Fact]
    public async Task Staff_changing_an_active_customers_email_waits_for_confirmation_from_the_new_address()
    {
        const string old = "wanda.wait@example.com", next = "wanda.wait@example.org";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Wanda Wait", old);
        using var _ = customer;
        var edit = await admin.GetAsync($"/admin/contacts/{contactId}/edit");
        edit.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain($"/admin/contacts/{contactId}/email");

        var requested = await RequestChangeAsync(admin, contactId, next);

        requested.Path.ShouldBe($"/admin/contacts/{contactId}");
        Pending(requested).ShouldContain($"E-mail change to {next} pending confirmation (sent on");
        var contact = await factory.ContactAsync(contactId);
        (contact.Email, contact.PortalUser!.Login).ShouldBe((old, old));
        using var withOld = factory.NewBrowser();
        (await withOld.SignInAsync(old, Flows.CustomerPassword)).Path.ShouldBe("/my");

        var link = EmailChangeTests.ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);
        using var mailbox = factory.NewBrowser();
        (await mailbox.SubmitAsync(await mailbox.GetAsync(link), "Confirm the new e-mail address")).Path.ShouldBe("/account/sign-in");

        contact = await factory.ContactAsync(contactId);
        (contact.Email, contact.PortalUser!.Login).ShouldBe((next, next));
        (await admin.GetAsync($"/admin/contacts/{contactId}")).Document.QuerySelector("[data-testid='pending-email-change']")
            .ShouldBeNull();
    }

    [Fact]
    public async Task Staff_can_cancel_a_pending_email_change()
    {
        const string old = "carl.cancel@example.com", next = "carl.cancel@example.org";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Carl Cancel", old);
        using var _ = customer;
        var requested = await RequestChangeAsync(admin, contactId, next);
        var link = EmailChangeTests.ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);

        var cancelled = await admin.SubmitAsync(requested, "Cancel the e-mail change");

        cancelled.Path.ShouldBe($"/admin/contacts/{contactId}");
        cancelled.Text.ShouldContain("The e-mail change has been cancelled; its confirmation link no longer works.");
        cancelled.Document.QuerySelector("[data-testid='pending-email-change']").ShouldBeNull();
        HistoryRow(cancelled, "E-mail change cancelled").ShouldContain(PortalFactory.AdminEmail);
        using var mailbox = factory.NewBrowser();
        (await mailbox.GetAsync(link)).Text.ShouldContain(LinkInvalid);
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(old);
    }

    [Fact]
    public async Task A_portal_manager_cancels_a_pending_change_in_German_while_read_only_staff_only_see_it()
    {
        const string old = "mona.manager@example.com", next = "mona.manager@example.org";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Mona Manager", old);
        using var _ = customer;
        await RequestChangeAsync(admin, contactId, next);
        var link = EmailChangeTests.ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);
        var (reader, _) = await factory.SignedInColleagueAsync("rob.reader@contoso.example", "Rob Reader", StaffRole.ReadOnly);
        using var _1 = reader;
        var (manager, _) = await factory.SignedInColleagueAsync("mia.manager@contoso.example", "Mia Manager", StaffRole.PortalManager);
        using var _2 = manager;

        var readOnly = await reader.GetAsync($"/admin/contacts/{contactId}");
        Pending(readOnly).ShouldContain($"E-mail change to {next} pending confirmation");
        readOnly.Document.QuerySelector("[data-testid='pending-email-change'] button").ShouldBeNull();
        using var german = factory.NewBrowser("de", manager.Cookies);
        var page = await german.GetAsync($"/admin/contacts/{contactId}");
        Pending(page).ShouldContain($"E-Mail-Änderung auf {next} wartet auf Bestätigung");

        var cancelled = await german.SubmitAsync(page, "E-Mail-Änderung zurückziehen");

        cancelled.Text.ShouldContain("Die E-Mail-Änderung wurde zurückgezogen; ihr Bestätigungslink funktioniert nicht mehr.");
        cancelled.Document.QuerySelector("[data-testid='pending-email-change']").ShouldBeNull();
        using var mailbox = factory.NewBrowser();
        (await mailbox.GetAsync(link)).Text.ShouldContain(LinkInvalid);
    }

    [Fact]
    public async Task The_old_address_gets_a_notice_with_a_link_to_report_the_change()
    {
        const string old = "nora.notice@example.com", next = "nora.notice@example.org";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Nora Notice", old);
        using var _ = customer;

        await RequestChangeAsync(admin, contactId, next);

        var notice = (await factory.Smtp.WaitForAsync(old, 2))[^1];
        notice.Subject!.ShouldContain("is being changed");
        notice.TextBody!.ShouldContain(next);
        notice.TextBody!.ShouldNotContain("/account/confirm-email/");
        var report = ReportPathIn(notice);
        using var mailbox = factory.NewBrowser();
        var page = await mailbox.GetAsync(report);
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        page.Text.ShouldContain(next);
        page.Document.QuerySelector("main form button")!.TextContent.Trim().ShouldBe(ReportButton);
        (await mailbox.GetAsync(report)).Document.QuerySelector("main form button")!.TextContent.Trim()
            .ShouldBe(ReportButton, "opening the link consumes nothing");
        var confirm = EmailChangeTests.ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);
        (await mailbox.GetAsync(confirm)).Text.ShouldContain("Confirm the new e-mail address");
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(old);
    }

    [Fact]
    public async Task Reporting_the_change_cancels_it_and_tells_the_back_office()
    {
        const string old = "rene.report@example.com", next = "rene.report@example.org";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Rene Report", old);
        using var _ = customer;
        await RequestChangeAsync(admin, contactId, next);
        var report = ReportPathIn((await factory.Smtp.WaitForAsync(old, 2))[^1]);
        var confirm = EmailChangeTests.ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);
        using var mailbox = factory.NewBrowser();

        var done = await mailbox.SubmitAsync(await mailbox.GetAsync(report), ReportButton);

        done.Status.ShouldBe(HttpStatusCode.OK);
        done.Text.ShouldContain("Your report has been recorded and our team has been informed.");
        (await mailbox.GetAsync(confirm)).Text.ShouldContain(LinkInvalid);
        (await mailbox.GetAsync(report)).Text.ShouldContain(LinkInvalid);
        var contact = await factory.ContactAsync(contactId);
        (contact.Email, contact.PortalUser!.Login).ShouldBe((old, old));
        var contactPage = await admin.GetAsync($"/admin/contacts/{contactId}");
        HistoryRow(contactPage, Reported).ShouldContain(old);
        contactPage.Document.QuerySelector("[data-testid='pending-email-change']").ShouldBeNull();
        (await admin.GetAsync($"/admin/activity?contactId={contactId}")).Text.ShouldContain(Reported);
        (await customer.GetAsync("/my/security")).Text.ShouldContain("E-mail change reported as not yours and cancelled");
    }

    private static async Task<Page> RequestChangeAsync(PortalBrowser admin, int contactId, string next) =>
        await admin.SubmitAsync(await admin.GetAsync($"/admin/contacts/{contactId}/email"), "Send confirmation link",
            new Dictionary<string, string?> { ["Input.NewEmail"] = next });

    private static string Pending(Page contactPage) =>
        contactPage.Document.QuerySelector("[data-testid='pending-email-change']")!.TextContent.ReplaceLineEndings(" ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate((a, b) => a + " " + b);

    private static string HistoryRow(Page contactPage, string what) =>
        contactPage.Document.QuerySelectorAll("tr").First(r => r.TextContent.Contains(what, StringComparison.Ordinal)).TextContent;

    private static string ReportPathIn(MimeMessage mail)
    {
        var match = ReportLink().Match(mail.TextBody ?? "");
        match.Success.ShouldBeTrue("The notice has no report link: " + mail.TextBody);
        match.Value.ShouldStartWith(PortalFactory.PublicBaseUrl);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/account/report-email-change/[A-Za-z0-9_%-]+")]
    private static partial Regex ReportLink();
}
