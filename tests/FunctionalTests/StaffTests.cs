using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Back-office colleagues: invitation, roles, deactivation, and what each role may do.</summary>
public sealed class StaffTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_invited_portal_manager_sets_a_password_lands_in_the_back_office_and_grants_portal_access()
    {
        using var admin = await factory.SignedInAdminAsync();
        var invited = await admin.InviteStaffAsync("Petra.Manager@Contoso.example", "Petra Manager", "PortalManager");
        invited.Path.ShouldBe("/admin/staff");
        invited.Text.ShouldContain("The invitation e-mail to Petra.Manager@Contoso.example is on its way.");
        invited.Text.ShouldContain("Petra Manager");
        invited.Text.ShouldContain("Invited");

        var mail = (await factory.Smtp.WaitForAsync("petra.manager@contoso.example"))[^1];
        (mail.Subject ?? "").ShouldContain("Contoso Trading");
        var body = mail.TextBody ?? "";
        body.ShouldContain("Portal manager");
        body.ShouldContain("If you did not expect this e-mail");
        var link = mail.StaffInvitationPath();
        link.ShouldStartWith("/staff-invitation/");

        using var colleague = factory.NewBrowser();
        var form = await colleague.GetAsync(link);
        form.Response.Headers.GetValues("Referrer-Policy").ShouldContain("no-referrer");
        form.Text.ShouldContain("Welcome, Petra Manager");
        var home = await colleague.AcceptStaffInvitationAsync(link);
        home.Path.ShouldBe("/admin");
        home.Document.QuerySelector("a[href='/admin/staff']").ShouldBeNull();

        var contactId = await colleague.CreateContactAsync("Gerd Granted", "gerd.granted@example.com");
        var granted = await colleague.GrantAsync(contactId);
        granted.RowText(contactId).ShouldContain("Invited");
        (await factory.ContactAsync(contactId)).PortalUser!.State.ShouldBe(PortalAccessState.Invited);

        (await colleague.GetAsync(link)).Text.ShouldContain("This link is not valid");
        var staff = await factory.WithDbAsync(db => db.InternalUsers.AsNoTracking()
            .SingleAsync(u => u.Login == "petra.manager@contoso.example"));
        staff.Status.ShouldBe(StaffStatus.Active);
        staff.Role.ShouldBe(StaffRole.PortalManager);
    }

    [Fact]
    public async Task A_read_only_colleague_sees_no_grant_buttons_and_a_forced_grant_is_refused_with_a_clear_message()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Rita Refused", "rita.refused@example.com");
        var adminWizard = await admin.OpenWizardAsync(contactId);
        var (reader, _) = await factory.ActiveStaffAsync(admin, "Rudi Reader", "rudi.reader@contoso.example", "ReadOnly");
        using var _1 = reader;

        var details = await reader.GetAsync($"/admin/contacts/{contactId}");
        details.Status.ShouldBe(HttpStatusCode.OK);
        details.Text.ShouldNotContain("Grant portal access");
        details.Document.QuerySelector($"a[href='/admin/contacts/{contactId}/edit']").ShouldBeNull();
        var wizard = await reader.OpenWizardAsync(contactId);
        wizard.Status.ShouldBe(HttpStatusCode.OK);
        wizard.Document.QuerySelector("button[name=contactId]").ShouldBeNull();
        (await reader.GetAsync("/admin/contacts")).Document.QuerySelector("a[href='/admin/contacts/new']").ShouldBeNull();

        // The read-only colleague posts the admin's form anyway (with their own antiforgery token).
        var ownToken = wizard.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value");
        var forced = await reader.PressRowButtonAsync(adminWizard, contactId, "Grant",
            new Dictionary<string, string?> { ["__RequestVerificationToken"] = ownToken });
        forced.Status.ShouldBe(HttpStatusCode.OK);
        forced.RowText(contactId).ShouldContain(DomainErrors.NotPermitted.Message);
        (await factory.CountPortalUsersAsync(contactId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_read_only_colleague_who_posts_back_office_forms_anyway_gets_the_refusal_never_a_500()
    {
        using var admin = await factory.SignedInAdminAsync();
        var newContact = await admin.GetAsync("/admin/contacts/new");
        var newPage = await admin.GetAsync("/admin/pages/new");
        var (reader, _) = await factory.ActiveStaffAsync(admin, "Roswitha Reader", "roswitha.reader@contoso.example", "ReadOnly");
        using var _1 = reader;
        var ownToken = await reader.FormTokenAsync();
        (await reader.GetAsync("/admin/pages")).Document.QuerySelector("a[href='/admin/pages/new']").ShouldBeNull();

        var contact = await reader.SubmitAsync(newContact, "Save", new Dictionary<string, string?>
        {
            ["__RequestVerificationToken"] = ownToken,
            ["Kind"] = "Person",
            ["Email"] = "forged.contact@example.com",
            ["Details.Name"] = "Forged Contact",
            ["Details.CountryCode"] = "DE",
        });
        contact.Status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Forbidden);
        if (contact.Status == HttpStatusCode.OK) contact.Text.ShouldContain(DomainErrors.NotPermitted.Message);
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.Email == "forged.contact@example.com"))).ShouldBe(0);

        var page = await reader.SubmitAsync(newPage, "Save draft", new Dictionary<string, string?>
        {
            ["__RequestVerificationToken"] = ownToken,
            ["Input.Title"] = "Forged page",
            ["Input.Slug"] = "forged-page",
        });
        page.Status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Forbidden);
        if (page.Status == HttpStatusCode.OK) page.Text.ShouldContain(DomainErrors.NotPermitted.Message);
        (await factory.WithDbAsync(db => db.Pages.CountAsync(p => p.Slug == "forged-page"))).ShouldBe(0);
    }

    [Fact]
    public async Task The_application_refuses_a_back_office_command_from_a_read_only_colleague_and_runs_it_for_a_portal_manager()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Mona Mediator", "mona.mediator@example.com");
        var (reader, readerId) = await factory.ActiveStaffAsync(admin, "Rosa Reader", "rosa.reader@contoso.example", "ReadOnly");
        var (manager, managerId) = await factory.ActiveStaffAsync(admin, "Max Manager", "max.manager@contoso.example", "PortalManager");
        reader.Dispose();
        manager.Dispose();

        var refused = await Should.ThrowAsync<DomainException>(() => factory.SendAsAsync(readerId,
            new GrantPortalAccess(contactId, null, null)));
        refused.Error.ShouldBe(DomainErrors.NotPermitted);
        (await factory.CountPortalUsersAsync(contactId)).ShouldBe(0);

        await factory.SendAsAsync(managerId, new GrantPortalAccess(contactId, null, null));
        (await factory.ContactAsync(contactId)).PortalUser!.State.ShouldBe(PortalAccessState.Invited);
    }

    [Fact]
    public async Task Only_administrators_reach_the_staff_pages()
    {
        using var admin = await factory.SignedInAdminAsync();
        (await admin.GetAsync("/admin/staff")).Status.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/admin")).Document.QuerySelector("a[href='/admin/staff']").ShouldNotBeNull();
        var (reader, _) = await factory.ActiveStaffAsync(admin, "Ria Reader", "ria.reader@contoso.example", "ReadOnly");
        var (manager, _) = await factory.ActiveStaffAsync(admin, "Mats Manager", "mats.manager@contoso.example", "PortalManager");
        using var _1 = reader;
        using var _2 = manager;

        foreach (var browser in new[] { reader, manager })
        {
            (await browser.GetAsync("/admin/staff", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);
            (await browser.GetAsync("/admin/staff/invite", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);
        }
        var staffPage = await admin.GetAsync("/admin/staff");
        var forged = await manager.SubmitAsync(staffPage, fields: null, buttonSelector: "form[action*='handler=ChangeRole'] button",
            followRedirects: false);
        forged.Status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_demoted_nor_deactivated()
    {
        using var admin = await factory.SignedInAdminAsync();
        var adminId = await factory.AdministratorIdAsync();
        var page = await admin.GetAsync("/admin/staff");
        page.Document.QuerySelector(".alert-danger").ShouldBeNull("no error box before anything is refused");
        page.Document.QuerySelector($"tr[data-staff-id='{adminId}'] form[action*='handler=Deactivate']").ShouldBeNull();

        var demoted = await admin.PressStaffButtonAsync(page, adminId, "ChangeRole",
            new Dictionary<string, string?> { ["role"] = "ReadOnly" });
        demoted.Path.ShouldBe("/admin/staff");
        demoted.Document.QuerySelector(".alert-danger")!.TextContent.ShouldContain(DomainErrors.LastAdministrator.Message);
        (await factory.StaffAsync(adminId)).Role.ShouldBe(StaffRole.Administrator);

        // No button offers it, but a forged request is refused with a message too.
        var refused = await Should.ThrowAsync<DomainException>(() => factory.SendAsAsync(adminId,
            new Portal.Application.Staff.DeactivateStaffMember(adminId)));
        refused.Error.ShouldBe(DomainErrors.StaffCannotDeactivateThemselves);
        var admin2 = await factory.StaffAsync(adminId);
        admin2.Status.ShouldBe(StaffStatus.Active);
        admin2.Role.ShouldBe(StaffRole.Administrator);
        (await admin.GetAsync("/admin")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_staff_login_and_a_customer_login_never_share_an_e_mail()
    {
        using var admin = await factory.SignedInAdminAsync();
        var customerId = await admin.CreateContactAsync("Carla Customer", "carla.customer@example.com");
        await admin.GrantAsync(customerId);

        var refused = await admin.InviteStaffAsync("Carla.Customer@example.com", "Carla Staff", "ReadOnly");
        refused.Path.ShouldBe("/admin/staff/invite");
        refused.Document.QuerySelector("#email-error")!.TextContent.ShouldContain(DomainErrors.EmailUsedByAnotherUser.Message);
        (await factory.WithDbAsync(db => db.InternalUsers.CountAsync(u => u.Login == "carla.customer@example.com"))).ShouldBe(0);

        var (colleague, _) = await factory.ActiveStaffAsync(admin, "Sven Staff", "sven.staff@contoso.example", "ReadOnly");
        colleague.Dispose();
        var contactId = await admin.CreateContactAsync("Sven Customer", "sven.staff@contoso.example");
        var grant = await admin.GrantAsync(contactId);
        grant.RowText(contactId).ShouldContain(DomainErrors.EmailBelongsToInternalUser.Message);
        (await factory.CountPortalUsersAsync(contactId)).ShouldBe(0);
    }

    [Fact]
    public async Task Deactivating_ends_the_colleagues_session_and_sign_in_until_they_are_reactivated()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (colleague, id) = await factory.ActiveStaffAsync(admin, "Dora Deactivated", "dora.deactivated@contoso.example",
            "PortalManager");
        using var _ = colleague;
        (await colleague.GetAsync("/admin/contacts")).Status.ShouldBe(HttpStatusCode.OK);

        var deactivated = await admin.PressStaffButtonAsync(await admin.GetAsync("/admin/staff"), id, "Deactivate");
        deactivated.Text.ShouldContain("The colleague was deactivated.");
        deactivated.StaffRowText(id).ShouldContain("Deactivated");

        var next = await colleague.GetAsync("/admin", followRedirects: false);
        next.Status.ShouldBe(HttpStatusCode.Redirect);
        next.Location!.ShouldContain("/account/sign-in");
        using (var again = factory.NewBrowser())
        {
            var refused = await again.SignInAsync("dora.deactivated@contoso.example", StaffFlows.StaffPassword);
            refused.Path.ShouldBe("/account/sign-in");
            refused.Text.ShouldContain("The e-mail address or password is not correct.");
        }

        var reactivated = await admin.PressStaffButtonAsync(deactivated, id, "Reactivate");
        reactivated.Text.ShouldContain("The colleague was reactivated and can sign in again.");
        reactivated.StaffRowText(id).ShouldContain("Active");
        using var back = factory.NewBrowser();
        (await back.SignInAsync("dora.deactivated@contoso.example", StaffFlows.StaffPassword)).Path.ShouldBe("/admin");

        var activity = await factory.WithDbAsync(db => db.ActivityEntries.AsNoTracking().CountAsync());
        activity.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Changing_a_role_applies_from_the_colleagues_next_request()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (colleague, id) = await factory.ActiveStaffAsync(admin, "Rene Role", "rene.role@contoso.example", "ReadOnly");
        using var _ = colleague;
        (await colleague.GetAsync("/admin/contacts")).Document.QuerySelector("a[href='/admin/contacts/new']").ShouldBeNull();

        var changed = await admin.PressStaffButtonAsync(await admin.GetAsync("/admin/staff"), id, "ChangeRole",
            new Dictionary<string, string?> { ["role"] = "PortalManager" });
        changed.Text.ShouldContain("The role was changed.");
        (await factory.StaffAsync(id)).Role.ShouldBe(StaffRole.PortalManager);

        (await colleague.GetAsync("/admin/contacts")).Document.QuerySelector("a[href='/admin/contacts/new']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Re_inviting_a_colleague_within_a_minute_of_the_last_link_is_refused_on_the_page()
    {
        using var admin = await factory.SignedInAdminAsync();
        await admin.InviteStaffAsync("hugo.hasty@contoso.example", "Hugo Hasty", "ReadOnly");
        var id = await factory.WithDbAsync(db => db.InternalUsers.Where(u => u.Login == "hugo.hasty@contoso.example").Select(u => u.Id)
            .SingleAsync());
        factory.Clock.Advance(TimeSpan.FromSeconds(30));

        var refused = await admin.PressStaffButtonAsync(await admin.GetAsync("/admin/staff"), id, "ReInvite");

        refused.Text.ShouldContain("An invitation was just sent to this colleague. Please wait a minute before sending another one.");
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "hugo.hasty@contoso.example"))).ShouldBe(1);
    }

    [Fact]
    public async Task Re_inviting_a_colleague_voids_the_first_link()
    {
        using var admin = await factory.SignedInAdminAsync();
        await admin.InviteStaffAsync("ines.reinvite@contoso.example", "Ines Reinvite", "ReadOnly");
        var first = (await factory.Smtp.WaitForAsync("ines.reinvite@contoso.example"))[^1].StaffInvitationPath();
        var id = await factory.WithDbAsync(db => db.InternalUsers.Where(u => u.Login == "ines.reinvite@contoso.example").Select(u => u.Id)
            .SingleAsync());
        factory.Clock.Advance(InvitationPace.MinimumInterval);

        var reinvited = await admin.PressStaffButtonAsync(await admin.GetAsync("/admin/staff"), id, "ReInvite");
        reinvited.Text.ShouldContain("A new invitation is on its way");
        var second = (await factory.Smtp.WaitForAsync("ines.reinvite@contoso.example", 2))[^1].StaffInvitationPath();
        second.ShouldNotBe(first);

        using var colleague = factory.NewBrowser();
        var old = await colleague.GetAsync(first);
        old.Text.ShouldContain("This link is not valid");
        old.Document.QuerySelector("input[name='Input.Password']").ShouldBeNull();
        (await colleague.AcceptStaffInvitationAsync(second)).Path.ShouldBe("/admin");
    }

    [Fact]
    public async Task A_colleague_invited_in_German_gets_German_mail_and_back_office_until_the_switcher_or_their_own_choice_says_otherwise()
    {
        const string email = "gerda.german@contoso.example";
        using var admin = await factory.SignedInAdminAsync();
        var form = await admin.GetAsync("/admin/staff/invite");
        (await admin.SubmitAsync(form, "Send invitation", new Dictionary<string, string?>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Gerda German", ["Input.Role"] = "ReadOnly", ["Input.Language"] = "de",
        })).Path.ShouldBe("/admin/staff");
        var invitation = (await factory.Smtp.WaitForAsync(email))[^1];
        invitation.Subject.ShouldBe("Ihre Einladung in den Verwaltungsbereich von Contoso Trading");

        // A browser that asks for English: the stored language still wins.
        using var colleague = factory.NewBrowser("en");
        var home = await colleague.AcceptStaffInvitationAsync(invitation.StaffInvitationPath());
        home.Path.ShouldBe("/admin");
        home.Document.DocumentElement.GetAttribute("lang").ShouldBe("de");
        var security = await colleague.GetAsync("/admin/account");
        security.Document.QuerySelector("h1")!.TextContent.ShouldBe("Meine Sicherheit");
        ((AngleSharp.Html.Dom.IHtmlSelectElement)security.Document.QuerySelector("#staff-language")!).Value.ShouldBe("de");

        // The language switcher says otherwise on this browser.
        var english = await colleague.SubmitAsync(security, buttonSelector: "form[action='/language'] button",
            fields: new Dictionary<string, string?> { ["culture"] = "en" });
        english.Document.DocumentElement.GetAttribute("lang").ShouldBe("en");

        // Their own choice on My security is the latest word: English from now on, mails included, whatever the switcher said.
        var changed = await colleague.SubmitAsync(await colleague.GetAsync("/admin/account"), "Save language",
            new Dictionary<string, string?> { ["Language"] = "en" });
        changed.Text.ShouldContain("Your language has been saved.");
        var backToGerman = await colleague.SubmitAsync(changed, "Save language", new Dictionary<string, string?> { ["Language"] = "de" });
        backToGerman.Text.ShouldContain("Ihre Sprache wurde gespeichert.");
        backToGerman.Document.DocumentElement.GetAttribute("lang").ShouldBe("de");
        var stored = await factory.WithDbAsync(db => db.InternalUsers.Where(u => u.Login == email).Select(u => u.Language).SingleAsync());
        stored.ShouldBe("de");

        using var visitor = factory.NewBrowser("en");
        await visitor.RequestResetAsync(email);
        (await factory.Smtp.WaitForAsync(email, count: 2))[^1].Subject.ShouldStartWith("Passwort für");
        (await colleague.SubmitAsync(backToGerman, "Sprache speichern", new Dictionary<string, string?> { ["Language"] = "fr" }))
            .Text.ShouldContain("Bitte wählen Sie Englisch oder Deutsch.");
    }

    [Fact]
    public async Task The_staff_page_speaks_German()
    {
        using var admin = await factory.SignedInAdminAsync("de");
        var page = await admin.GetAsync("/admin/staff");
        page.Document.QuerySelector("h1")!.TextContent.ShouldBe("Mitarbeitende");
        page.Text.ShouldContain("Rolle ändern");
        page.Text.ShouldContain("Kollegin oder Kollegen einladen");
        var invite = await admin.GetAsync("/admin/staff/invite");
        invite.Text.ShouldContain("Portalverwaltung");
        invite.Text.ShouldContain("Nur Lesen");
    }
    [Fact]
    public async Task Pages_that_only_change_things_answer_403_to_a_read_only_colleague_and_open_for_a_portal_manager()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Fritz Formless", "fritz.formless@example.com");
        var (reader, _) = await factory.ActiveStaffAsync(admin, "Olga Onlyreads", "olga.onlyreads@contoso.example", "ReadOnly");
        var (manager, _) = await factory.ActiveStaffAsync(admin, "Max Manager", "max.formmanager@contoso.example", "PortalManager");
        using var _1 = reader;
        using var _2 = manager;
        string[] forms = ["/admin/contacts/new", $"/admin/contacts/{contactId}/edit", $"/admin/documents/new?contactId={contactId}",
            "/admin/pages/new"];

        foreach (var form in forms)
        {
            (await reader.GetAsync(form, followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden, form);
            (await manager.GetAsync(form)).Status.ShouldBe(HttpStatusCode.OK, form);
        }
        (await reader.GetAsync($"/admin/contacts/{contactId}")).Status.ShouldBe(HttpStatusCode.OK, "reading stays open");
    }
}
