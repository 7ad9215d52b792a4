using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// The login follows the e-mail: a change is requested (by the customer or an admin) and only the link sent to the new
/// address makes it.
/// </summary>
public sealed partial class EmailChangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string LinkSentPrefix = "We have sent a confirmation link to";
    private const string LinkInvalid = "This link is not valid, was already used or has expired. Please request a new one.";
    private const string Taken = "This e-mail address is already used by another user.";
    private const string WrongSignIn = "The e-mail address or password is not correct.";

    [Fact]
    public async Task Nothing_changes_before_the_new_address_is_confirmed()
    {
        const string old = "nina.nochange@example.com", next = "nina.new@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Nina Nochange", old);
        using var _ = customer;

        var requested = await customer.RequestEmailChangeAsync(next);

        requested.Path.ShouldBe("/my/account");
        requested.Text.ShouldContain($"{LinkSentPrefix} {next}.");
        var confirmation = (await factory.Smtp.WaitForAsync(next)).ShouldHaveSingleItem();
        confirmation.TextBody!.ShouldContain(next);
        ConfirmationPathIn(confirmation).ShouldStartWith("/account/confirm-email/");
        var notice = (await factory.Smtp.WaitForAsync(old, 2))[^1];
        notice.Subject!.ShouldContain("is being changed");
        notice.TextBody!.ShouldContain(next);
        ConfirmationLink().IsMatch(notice.TextBody!).ShouldBeFalse("the old address must not receive the link");

        var contact = await factory.ContactAsync(contactId);
        contact.Email.ShouldBe(old);
        contact.PortalUser!.Login.ShouldBe(old);
        using var again = factory.NewBrowser();
        (await again.SignInAsync(old, Flows.CustomerPassword)).Path.ShouldBe("/my");
        using var impostor = factory.NewBrowser();
        (await impostor.SignInAsync(next, Flows.CustomerPassword)).Text.ShouldContain(WrongSignIn);
        (await SecurityEventsAsync(contactId)).ShouldContain(SecurityEventKind.EmailChangeRequested);
        (await customer.GetAsync("/my/security")).Text.ShouldContain("E-mail change requested");
        HistoryRow(await admin.GetAsync($"/admin/contacts/{contactId}"), "E-mail change requested").ShouldContain(old);
    }

    [Fact]
    public async Task After_confirmation_the_new_address_signs_in_the_old_one_does_not_and_every_session_ends()
    {
        const string old = "otto.old@example.com", next = "Otto.Neu@Example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Otto Old", old);
        using var _ = customer;
        await customer.RequestEmailChangeAsync(next);
        var link = ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);

        using var mailbox = factory.NewBrowser();
        var form = await mailbox.GetAsync(link);
        form.Status.ShouldBe(HttpStatusCode.OK);
        form.Text.ShouldContain($"After you confirm, {next} is your e-mail address and your login");
        form.Text.ShouldNotContain(old, customMessage: "a stranger holding the link learns nothing about the account");
        form.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(old, "opening the link changes nothing");

        var confirmed = await mailbox.SubmitAsync(form, "Confirm the new e-mail address");

        confirmed.Path.ShouldBe("/account/sign-in");
        confirmed.Text.ShouldContain($"Your e-mail address has been changed. Please sign in with {next.ToLowerInvariant()}.");
        var contact = await factory.ContactAsync(contactId);
        contact.Email.ShouldBe(next);
        contact.PortalUser!.Login.ShouldBe(next.ToLowerInvariant());
        var ended = await customer.GetAsync("/my", followRedirects: false);
        ended.Status.ShouldBe(HttpStatusCode.Redirect, "the security stamp rotated: other sessions sign in again");
        ended.Location!.ShouldContain("/account/sign-in");

        using var withOld = factory.NewBrowser();
        (await withOld.SignInAsync(old, Flows.CustomerPassword)).Text.ShouldContain(WrongSignIn);
        using var withNew = factory.NewBrowser();
        (await withNew.SignInAsync(next, Flows.CustomerPassword)).Path.ShouldBe("/my");
        (await withNew.GetAsync("/my/account")).Document.QuerySelector("#email")!.GetAttribute("value").ShouldBe(next);
        (await SecurityEventsAsync(contactId)).ShouldContain(SecurityEventKind.EmailChanged);
        var toldOld = (await factory.Smtp.WaitForAsync(old, 3))[^1];
        toldOld.Subject.ShouldBe("Your e-mail address for the Contoso Trading customer portal was changed");
        toldOld.TextBody!.ShouldContain($"was changed to {next.ToLowerInvariant()}");
        toldOld.TextBody!.ShouldContain("If this wasn't you, please contact Contoso Trading right away");
        toldOld.TextBody!.ShouldNotContain("/account/");
    }

    [Fact]
    public async Task After_confirmation_the_old_address_is_told_in_the_customers_language_with_no_link_to_undo_it()
    {
        const string old = "greta.alt@example.com", next = "greta.neu@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Greta Alt", old);
        using var _ = customer;
        (await customer.SubmitAsync(await customer.GetAsync("/my/account"), "Save",
            new Dictionary<string, string?> { ["Details.PreferredLanguage"] = "de" })).Path.ShouldBe("/my/account");
        await customer.RequestEmailChangeAsync(next);
        var link = ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);
        var before = (await factory.Smtp.WaitForAsync(old, 2)).Count;

        using var mailbox = factory.NewBrowser();
        await mailbox.SubmitAsync(await mailbox.GetAsync(link), "Confirm the new e-mail address");

        var notice = (await factory.Smtp.WaitForAsync(old, before + 1))[^1];
        notice.Subject.ShouldBe("Ihre E-Mail-Adresse für das Kundenportal von Contoso Trading wurde geändert");
        notice.TextBody!.ShouldContain($"auf {next} geändert");
        notice.TextBody!.ShouldContain("wenden Sie sich bitte sofort an Contoso Trading");
        notice.TextBody!.ShouldNotContain("/account/", customMessage: "the old address gets no link that could undo the change");
        notice.HtmlBody!.ShouldNotContain("/account/");
        factory.Smtp.To(next).Count.ShouldBe(1, "the new address gets only its confirmation link");
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(next);
    }

    [Fact]
    public async Task A_pending_change_shows_on_my_details_where_the_customer_can_cancel_it()
    {
        const string old = "paul.pending@example.com", next = "paul.pending@example.net";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Paul Pending", old);
        using var _ = customer;
        (await customer.GetAsync("/my/account")).Document.QuerySelector("[data-testid='pending-email-change']").ShouldBeNull();
        await customer.RequestEmailChangeAsync(next);
        var link = ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);

        var details = await customer.GetAsync("/my/account");
        PendingText(details).ShouldStartWith($"Your change to {next} is waiting for confirmation: open the link we sent to that address by");
        using (var german = factory.NewBrowser("de", customer.Cookies))
        {
            var deutsch = await german.GetAsync("/my/account");
            PendingText(deutsch).ShouldStartWith($"Ihre Änderung auf {next} wartet auf Bestätigung");
            deutsch.Document.QuerySelector("[data-testid='pending-email-change'] button")!.TextContent.Trim()
                .ShouldBe("E-Mail-Änderung zurückziehen");
        }

        var cancelled = await customer.SubmitAsync(details, "Cancel the e-mail change");

        cancelled.Path.ShouldBe("/my/account");
        cancelled.Text.ShouldContain("Your e-mail change has been cancelled; the confirmation link no longer works.");
        cancelled.Document.QuerySelector("[data-testid='pending-email-change']").ShouldBeNull();
        using var mailbox = factory.NewBrowser();
        (await mailbox.GetAsync(link)).Text.ShouldContain(LinkInvalid);
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(old);
        HistoryRow(await admin.GetAsync($"/admin/contacts/{contactId}"), "E-mail change cancelled").ShouldContain(old);
        var again = await customer.SubmitAsync(details, "Cancel the e-mail change");
        again.Status.ShouldBe(HttpStatusCode.OK, "a second cancel from a stale page is refused with a message, not an error");
        again.Path.ShouldBe("/my/account");
    }

    private static string PendingText(Page page) =>
        string.Join(' ', page.Document.QuerySelector("[data-testid='pending-email-change']")!.TextContent
            .Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Confirming_in_the_customers_own_signed_in_browser_keeps_that_session_under_the_new_login()
    {
        const string old = "sina.session@example.com", next = "sina.session@example.org";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Sina Session", old);
        using var _ = customer;
        using var laptop = factory.NewBrowser();
        (await laptop.SignInAsync(old, Flows.CustomerPassword)).Path.ShouldBe("/my");
        await customer.RequestEmailChangeAsync(next);
        var link = ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);

        var confirmed = await customer.SubmitAsync(await customer.GetAsync(link), "Confirm the new e-mail address");

        confirmed.Path.ShouldBe("/my/account");
        confirmed.Text.ShouldContain("Your e-mail address has been changed. It is now your login");
        confirmed.Document.QuerySelector("#email")!.GetAttribute("value").ShouldBe(next);
        (await customer.GetAsync("/my/security")).Status.ShouldBe(HttpStatusCode.OK);
        (await laptop.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(next);
    }

    [Fact]
    public async Task A_link_works_once()
    {
        const string old = "ulla.once@example.com", next = "ulla.once@example.net";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Ulla Once", old);
        using var _1 = customer;
        await customer.RequestEmailChangeAsync(next);
        var link = ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);
        using var mailbox = factory.NewBrowser();
        var form = await mailbox.GetAsync(link);
        await mailbox.SubmitAsync(form, "Confirm the new e-mail address");

        var reused = await mailbox.GetAsync(link);
        reused.Text.ShouldContain(LinkInvalid);
        reused.Document.QuerySelector("main form button")?.TextContent.ShouldNotBe("Confirm the new e-mail address");
        var resubmitted = await mailbox.SubmitAsync(form, "Confirm the new e-mail address");
        resubmitted.Status.ShouldBe(HttpStatusCode.OK);
        resubmitted.Text.ShouldContain(LinkInvalid);
    }

    [Fact]
    public async Task A_newer_request_voids_the_older_link()
    {
        const string old = "vera.void@example.com", first = "vera.first@example.com", second = "vera.second@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Vera Void", old);
        using var _ = customer;
        await customer.RequestEmailChangeAsync(first);
        var firstLink = ConfirmationPathIn((await factory.Smtp.WaitForAsync(first))[0]);
        await customer.RequestEmailChangeAsync(second);
        var secondLink = ConfirmationPathIn((await factory.Smtp.WaitForAsync(second))[0]);

        using var mailbox = factory.NewBrowser();
        (await mailbox.GetAsync(firstLink)).Text.ShouldContain(LinkInvalid);
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(old);

        var confirmed = await mailbox.SubmitAsync(await mailbox.GetAsync(secondLink), "Confirm the new e-mail address");
        confirmed.Path.ShouldBe("/account/sign-in");
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(second);
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        const string old = "edgar.expired@example.com", next = "edgar.expired@example.org";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Edgar Expired", old);
        using var _ = customer;
        await customer.RequestEmailChangeAsync(next);
        var link = ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);
        using var mailbox = factory.NewBrowser();
        var form = await mailbox.GetAsync(link);
        form.Text.ShouldContain("Confirm the new e-mail address");

        factory.Clock.Advance(TimeSpan.FromHours(24));

        (await mailbox.GetAsync(link)).Text.ShouldContain(LinkInvalid);
        (await mailbox.SubmitAsync(form, "Confirm the new e-mail address")).Text.ShouldContain(LinkInvalid);
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(old);
    }

    [Fact]
    public async Task The_request_is_refused_for_another_users_address_the_current_address_a_bad_address_or_a_wrong_password()
    {
        const string old = "rita.refused@example.com", other = "rita.other@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Rita Refused", old);
        using var _ = customer;
        var (someoneElse, _) = await factory.ActiveCustomerAsync(admin, "Otto Other", other);
        someoneElse.Dispose();

        (await customer.RequestEmailChangeAsync(" Rita.Other@Example.com ")).FieldError("Input.NewEmail").ShouldBe(Taken);
        (await customer.RequestEmailChangeAsync(PortalFactory.AdminEmail)).FieldError("Input.NewEmail").ShouldBe(Taken);
        (await customer.RequestEmailChangeAsync("RITA.REFUSED@example.com")).FieldError("Input.NewEmail")
            .ShouldBe("The new e-mail address is the same as the current one.");
        (await customer.RequestEmailChangeAsync("not an address")).FieldError("Input.NewEmail")
            .ShouldBe("Please enter a valid e-mail address.");
        (await customer.RequestEmailChangeAsync("")).FieldError("Input.NewEmail").ShouldBe("Please enter the new e-mail address.");
        var wrongPassword = await customer.RequestEmailChangeAsync("rita.free@example.com", "Not-My-Password-At-All-1");
        wrongPassword.Path.ShouldBe("/my/account/email");
        wrongPassword.FieldError("Input.CurrentPassword").ShouldBe("The current password is not correct.");

        factory.Smtp.To("rita.free@example.com").ShouldBeEmpty();
        var user = await factory.WithDbAsync(db => db.PortalUsers.AsNoTracking().Include(u => u.Tokens)
            .SingleAsync(u => u.ContactId == contactId));
        user.Tokens.ShouldNotContain(t => t.Purpose == Domain.Users.AccountTokenPurpose.EmailChange);
        user.Login.ShouldBe(old);
    }

    [Fact]
    public async Task An_address_taken_between_request_and_confirmation_is_refused_at_confirmation()
    {
        const string old = "tara.taken@example.com", next = "tara.wanted@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Tara Taken", old);
        using var _ = customer;
        await customer.RequestEmailChangeAsync(next);
        var link = ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);
        using var mailbox = factory.NewBrowser();
        var form = await mailbox.GetAsync(link);

        var rival = await admin.CreateContactAsync("Quick Rival", next);
        await admin.GrantAsync(rival);
        var refused = await mailbox.SubmitAsync(form, "Confirm the new e-mail address");

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text.ShouldContain(Taken);
        (await mailbox.GetAsync(link)).Text.ShouldContain(Taken);
        var contact = await factory.ContactAsync(contactId);
        (contact.Email, contact.PortalUser!.Login).ShouldBe((old, old));
        using var withOld = factory.NewBrowser();
        (await withOld.SignInAsync(old, Flows.CustomerPassword)).Path.ShouldBe("/my");
    }

    [Fact]
    public async Task An_admin_changes_an_active_users_address_through_the_same_confirmation()
    {
        const string old = "alma.admin@example.com", next = "alma.changed@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Alma Admin", old);
        using var _ = customer;

        var details = await admin.GetAsync($"/admin/contacts/{contactId}");
        var changePage = await admin.GetAsync(details.Document.QuerySelectorAll("main a")
            .Single(a => a.TextContent.Trim() == "Change e-mail address").GetAttribute("href")!);
        changePage.Path.ShouldBe($"/admin/contacts/{contactId}/email");
        changePage.Document.QuerySelector("input[name='Input.CurrentPassword']").ShouldBeNull("an admin needs no customer password");
        var taken = await admin.SubmitAsync(changePage, "Send confirmation link",
            new Dictionary<string, string?> { ["Input.NewEmail"] = PortalFactory.AdminEmail });
        taken.FieldError("Input.NewEmail").ShouldBe(Taken);

        var requested = await admin.SubmitAsync(changePage, "Send confirmation link",
            new Dictionary<string, string?> { ["Input.NewEmail"] = next });

        requested.Path.ShouldBe($"/admin/contacts/{contactId}");
        requested.Text.ShouldContain($"A confirmation link has been sent to {next}.");
        HistoryRow(requested, "E-mail change requested").ShouldContain(PortalFactory.AdminEmail);
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(old, "nothing changes before the customer confirms");
        (await factory.Smtp.WaitForAsync(old, 2))[^1].TextBody!.ShouldContain(next);
        var link = ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);

        using var mailbox = factory.NewBrowser();
        (await mailbox.SubmitAsync(await mailbox.GetAsync(link), "Confirm the new e-mail address")).Path.ShouldBe("/account/sign-in");

        var after = await admin.GetAsync($"/admin/contacts/{contactId}");
        after.Text.ShouldContain(next);
        HistoryRow(after, "E-mail changed").ShouldContain(next);
        using var withNew = factory.NewBrowser();
        (await withNew.SignInAsync(next, Flows.CustomerPassword)).Path.ShouldBe("/my");
        using var withOld = factory.NewBrowser();
        (await withOld.SignInAsync(old, Flows.CustomerPassword)).Text.ShouldContain(WrongSignIn);
    }

    [Fact]
    public async Task An_admin_can_not_start_an_e_mail_change_for_a_contact_without_active_access()
    {
        using var admin = await factory.SignedInAdminAsync();
        var invited = await admin.CreateContactAsync("Ivo Invited", "ivo.invited@example.com");
        await admin.GrantAsync(invited);

        var page = await admin.GetAsync($"/admin/contacts/{invited}/email");
        page.Text.ShouldContain("Only the e-mail address of an active portal user can be changed this way.");
        page.Document.QuerySelector("input[name='Input.NewEmail']").ShouldBeNull();
        (await admin.GetAsync($"/admin/contacts/{invited}")).Document.QuerySelectorAll("main a")
            .ShouldNotContain(a => a.TextContent.Trim() == "Change e-mail address");
        (await admin.GetAsync("/admin/contacts/999999/email")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revoke_voids_a_pending_link_so_it_cannot_change_the_login_after_access_is_granted_again()
    {
        const string old = "romy.revoked@example.com", next = "romy.pending@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Romy Revoked", old);
        using var _ = customer;
        await customer.RequestEmailChangeAsync(next);
        var link = ConfirmationPathIn((await factory.Smtp.WaitForAsync(next))[0]);

        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "Revoke");
        await admin.GrantAsync(contactId);
        using var back = factory.NewBrowser();
        (await back.AcceptInvitationAsync(await factory.LatestInvitationPathAsync(old, 3))).Path.ShouldBe("/my");

        using var mailbox = factory.NewBrowser();
        (await mailbox.GetAsync(link)).Text.ShouldContain(LinkInvalid);
        (await factory.ContactAsync(contactId)).PortalUser!.Login.ShouldBe(old);
    }

    [Fact]
    public async Task The_change_pages_are_reached_from_my_details_and_need_a_signed_in_customer()
    {
        const string email = "lena.link@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Lena Link", email);
        using var _1 = customer;

        var account = await customer.GetAsync("/my/account");
        var href = account.Document.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Change e-mail address")
            .GetAttribute("href");
        var form = await customer.GetAsync(href!);
        form.Path.ShouldBe("/my/account/email");
        form.Document.QuerySelector("label[for='Input_NewEmail']")!.TextContent.ShouldBe("New e-mail address");
        form.Document.QuerySelector("#current-email")!.GetAttribute("value").ShouldBe(email);

        using var visitor = factory.NewBrowser();
        var anonymous = await visitor.GetAsync("/my/account/email", followRedirects: false);
        anonymous.Status.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Location!.ShouldContain("/account/sign-in");
        (await admin.GetAsync("/my/account/email", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await visitor.GetAsync("/account/confirm-email/not-a-real-token")).Text.ShouldContain(LinkInvalid);
    }

    private static string HistoryRow(Page contactPage, string what) =>
        contactPage.Document.QuerySelectorAll("tr").First(r => r.TextContent.Contains(what, StringComparison.Ordinal)).TextContent;

    private Task<List<SecurityEventKind>> SecurityEventsAsync(int contactId) => factory.WithDbAsync(async db =>
    {
        var userId = await db.PortalUsers.Where(u => u.ContactId == contactId).Select(u => u.Id).SingleAsync();
        return await db.SecurityEvents.Where(e => e.UserAccountId == userId).Select(e => e.Kind).ToListAsync();
    });

    internal static string ConfirmationPathIn(MimeMessage mail)
    {
        var match = ConfirmationLink().Match(mail.TextBody ?? "");
        match.Success.ShouldBeTrue("The mail has no confirmation link: " + mail.TextBody);
        match.Value.ShouldStartWith(PortalFactory.PublicBaseUrl);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/account/confirm-email/[A-Za-z0-9_%-]+")]
    private static partial Regex ConfirmationLink();
}
