using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.FunctionalTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Portal.FunctionalTests.Browser;

/// <summary>
/// The brief's walkthrough in headless Chromium against the portal on a real socket: every page it passes is
/// screenshotted and checked with axe-core (WCAG 2.2 A/AA, nothing serious or critical allowed).
/// </summary>
public sealed class BrowserWalkthroughTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string NewPassword = "Copper-Harbour-Lantern-Moss-42";

    [SkippableFact]
    public Task Admin_grants_access_and_the_customer_accepts_edits_details_changes_password_and_is_locked_out_by_revoke() =>
        WalkthroughAsync(PageChecks.For(), "en-US", "Clara Browser", "clara.browser@example.com");

    [SkippableFact]
    public async Task The_same_walkthrough_in_a_German_browser_shows_every_label_in_German()
    {
        var checks = PageChecks.For(german: true);
        await WalkthroughAsync(checks, "de-DE", "Greta Browser", "greta.browser@example.com");
    }

    private async Task WalkthroughAsync(PageChecks checks, string locale, string name, string email)
    {
        var german = locale.StartsWith("de", StringComparison.Ordinal);
        var admin = await portal.NewPageAsync(locale);

        // The visitor's home page, then Sign in at the top right
        await admin.GotoAsync("/");
        await checks.StepAsync(admin, "public-home");
        await admin.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = checks.T("Sign in"), Exact = true }).ClickAsync();
        await admin.ShouldBeAtAsync("/account/sign-in");
        await checks.StepAsync(admin, "sign-in");
        await admin.SignInAsync(checks, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await admin.ShouldBeAtAsync("/admin");
        await checks.StepAsync(admin, "back-office");

        // A German customer: the invitation mail (and its subject in the e-mail list) is German too.
        await admin.CreateContactAsync(checks, name, email, preferredLanguage: german ? "de" : "en");

        // 1. Contacts → search → the customer → Action ▾ → Grant portal access → Grant → Close
        await admin.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = checks.T("Contacts"), Exact = true }).ClickAsync();
        await admin.ShouldBeAtAsync("/admin/contacts");
        await checks.StepAsync(admin, "contacts");
        await admin.Field(checks.T("Search name, e-mail or company")).FillAsync(name.Split(' ')[0]);
        await admin.Button(checks.T("Search")).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await checks.StepAsync(admin, "contacts-searched", axe: false);
        await admin.Link(name).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await checks.StepAsync(admin, "contact");
        await admin.OpenGrantWizardAsync(checks);
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = checks.T("Grant portal access"), Level = 1 })).ToBeVisibleAsync();
        await checks.StepAsync(admin, "wizard");
        await admin.Button(checks.T("Grant access to {0}", name)).ClickAsync();
        await Expect(admin.GetByText(checks.T("Access granted. The invitation e-mail is on its way."))).ToBeVisibleAsync();
        await checks.StepAsync(admin, "wizard-granted");
        await admin.Link(checks.T("Close")).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await admin.ReloadUntilVisibleAsync(checks.T("Delivered"));
        await checks.StepAsync(admin, "contact-invitation-delivered");
        await admin.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = checks.T("E-mails"), Exact = true }).ClickAsync();
        await Expect(admin.GetByText(email).First).ToBeVisibleAsync();
        await checks.StepAsync(admin, "emails", dataColumn: "Subject");

        // 2. The invitation mail's link in a fresh context: a too-short password is refused at its field, then a good one
        var customer = await portal.NewPageAsync(locale);
        await customer.GotoAsync(await portal.InvitationLinkAsync(email));
        await checks.StepAsync(customer, "invitation");
        var password = customer.Field(checks.T("New password"));
        await password.FillAsync("short");
        await customer.Field(checks.T("Repeat the password")).FillAsync("short");
        await customer.Button(checks.T("Set password and sign in")).ClickAsync();
        await password.ErrorTiedToFieldAsync();
        await checks.StepAsync(customer, "invitation-password-too-short");
        await customer.Field(checks.T("New password")).FillAsync(Flows.CustomerPassword);
        await customer.Field(checks.T("Repeat the password")).FillAsync(Flows.CustomerPassword);
        await customer.Button(checks.T("Set password and sign in")).ClickAsync();
        await customer.ShouldBeAtAsync("/my");
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = checks.T("My Account"), Level = 1 })).ToBeVisibleAsync();
        await checks.StepAsync(customer, "my-account");
        await customer.Link(checks.T("View and change your details"), exact: false).ClickAsync();
        await customer.ShouldBeAtAsync("/my/account");
        await checks.StepAsync(customer, "my-details");
        await customer.Field(checks.T("Phone")).FillAsync("+49 40 555 0199");
        await customer.Button(checks.T("Save")).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Status).GetByText(checks.T("Your details have been saved."))).ToBeVisibleAsync();
        await Expect(customer.Field(checks.T("Phone"))).ToHaveValueAsync("+49 40 555 0199");
        await checks.StepAsync(customer, "my-details-saved");

        // 3. Edit security settings → new password; Sign out at the top right; only the new password signs in
        await customer.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = checks.T("My Account"), Exact = true })
            .ClickAsync();
        await customer.Link(checks.T("Edit security settings"), exact: false).ClickAsync();
        await customer.ShouldBeAtAsync("/my/security");
        await checks.StepAsync(customer, "security");
        await customer.Field(checks.T("Current password")).FillAsync(Flows.CustomerPassword);
        await customer.Field(checks.T("New password")).FillAsync(NewPassword);
        await customer.Field(checks.T("Repeat the new password")).FillAsync(NewPassword);
        await customer.Button(checks.T("Change password")).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Status)
            .GetByText(checks.T("Your password has been changed. Every other session has been signed out."))).ToBeVisibleAsync();
        await checks.StepAsync(customer, "password-changed");
        await customer.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = checks.T("Sign out"), Exact = true })
            .ClickAsync();
        await customer.ShouldBeAtAsync("/account/sign-out");
        await checks.StepAsync(customer, "sign-out");
        await customer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = checks.T("Sign out"), Exact = true })
            .ClickAsync();
        await customer.ShouldBeAtAsync("/");
        await Expect(customer.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = checks.T("Sign in"), Exact = true }))
            .ToBeVisibleAsync();
        await checks.StepAsync(customer, "signed-out");
        await customer.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = checks.T("Sign in"), Exact = true }).ClickAsync();
        await customer.SignInAsync(checks, email, Flows.CustomerPassword);
        await customer.ShouldBeAtAsync("/account/sign-in");
        await Expect(customer.GetByRole(AriaRole.Alert)).ToContainTextAsync(checks.T("The e-mail address or password is not correct."));
        await checks.StepAsync(customer, "old-password-refused");
        await customer.SignInAsync(checks, email, NewPassword);
        await customer.ShouldBeAtAsync("/my");
        await checks.StepAsync(customer, "signed-in-with-new-password", axe: false);

        // 4. The admin revokes in the wizard; the customer's next click lands on the sign-in page
        await admin.GotoAsync("/admin/contacts");
        await admin.Link(name).ClickAsync();
        await admin.OpenGrantWizardAsync(checks);
        await admin.Button(checks.T("Revoke access of {0}", name)).ClickAsync();
        await Expect(admin.GetByText(checks.T("Access revoked. Every session of this customer has ended."))).ToBeVisibleAsync();
        await checks.StepAsync(admin, "wizard-revoked");
        await customer.Link(checks.T("View and change your details"), exact: false).ClickAsync();
        await customer.ShouldBeAtAsync("/account/sign-in");
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = checks.T("Sign in"), Level = 1 })).ToBeVisibleAsync();
        await checks.StepAsync(customer, "customer-signed-out-by-revoke");

        if (german)
        {
            // The labels a German customer and admin meet, spelled out rather than read from the resource file.
            await admin.GotoAsync("/admin/contacts");
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Kontakte", Level = 1 })).ToBeVisibleAsync();
            await Expect(admin.Button("Ausgewählten Kontakten Portalzugang gewähren")).ToBeVisibleAsync();
            await Expect(admin.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Abmelden", Exact = true }))
                .ToBeVisibleAsync();
            await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Anmelden", Level = 1 })).ToBeVisibleAsync();
            await Expect(customer.Field("E-Mail")).ToBeVisibleAsync();
            await Expect(customer.Field("Passwort")).ToBeVisibleAsync();
            (await customer.GetAttributeAsync("html", "lang")).ShouldBe("de");
        }
    }

    [SkippableFact]
    public async Task A_wizard_run_over_several_contacts_grants_the_valid_rows_and_says_why_the_others_are_refused()
    {
        var checks = PageChecks.For();
        var admin = await portal.NewPageAsync();
        await admin.GotoAsync("/account/sign-in");
        await admin.SignInAsync(checks, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await admin.ShouldBeAtAsync("/admin");

        await admin.CreateContactAsync(checks, "Tia Taken", "tia.taken@example.com");
        await admin.OpenGrantWizardAsync(checks);
        await admin.Button("Grant access to Tia Taken").ClickAsync();
        await Expect(admin.GetByText("Access granted. The invitation e-mail is on its way.")).ToBeVisibleAsync();

        await admin.CreateContactAsync(checks, "Bea Bulkrow", "bea.bulkrow@example.com");
        await admin.CreateContactAsync(checks, "Cy Bulkrow", "cy.bulkrow@example.com");
        await admin.CreateContactAsync(checks, "Ned Bulkrow", email: null);
        await admin.CreateContactAsync(checks, "Dan Bulkrow", "TIA.taken@example.com");

        await admin.GotoAsync("/admin/contacts");
        await admin.Field("Search name, e-mail or company").FillAsync("Bulkrow");
        await admin.Button("Search").ClickAsync();
        foreach (var name in new[] { "Bea Bulkrow", "Cy Bulkrow", "Ned Bulkrow", "Dan Bulkrow" })
            await admin.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {name}", Exact = true }).CheckAsync();
        await checks.StepAsync(admin, "contacts-selected");
        await admin.Button("Grant portal access to selected").ClickAsync();
        await admin.ShouldBeAtAsync("/admin/portal-access");
        await Expect(admin.GetByRole(AriaRole.Table).GetByRole(AriaRole.Rowheader)).ToHaveCountAsync(4);
        await checks.StepAsync(admin, "wizard-four-contacts");

        // Each row's Grant acts on that row alone: a refusal says why in the row, next to the e-mail it is about.
        var outcomes = new (string Name, string Message)[]
        {
            ("Bea Bulkrow", "Access granted. The invitation e-mail is on its way."),
            ("Ned Bulkrow", "The contact has no valid e-mail address."),
            ("Cy Bulkrow", "Access granted. The invitation e-mail is on its way."),
            ("Dan Bulkrow", "This e-mail address is already used by another user."),
        };
        for (var i = 0; i < outcomes.Length; i++)
        {
            var (name, message) = outcomes[i];
            await admin.Button($"Grant access to {name}").ClickAsync();
            await Expect(RowMessage(admin, name)).ToContainTextAsync(message);
            // The first success and the first refusal show every kind of row message; the rest repeat them.
            await checks.StepAsync(admin, "wizard-grant-" + name.Split(' ')[0].ToLowerInvariant(), axe: i < 2);
        }

        await Expect(Row(admin, "Bea Bulkrow")).ToContainTextAsync("Invited");
        await Expect(Row(admin, "Cy Bulkrow")).ToContainTextAsync("Invited");
        await Expect(Row(admin, "Ned Bulkrow")).ToContainTextAsync("invalid");
        await Expect(Row(admin, "Ned Bulkrow")).ToContainTextAsync("No access");
        await Expect(Row(admin, "Dan Bulkrow")).ToContainTextAsync("already used by another user");
        await Expect(Row(admin, "Dan Bulkrow")).ToContainTextAsync("No access");

        await portal.Smtp.WaitForAsync("bea.bulkrow@example.com");
        await portal.Smtp.WaitForAsync("cy.bulkrow@example.com");
        portal.Smtp.To("tia.taken@example.com").Count.ShouldBe(1);
    }

    [SkippableFact]
    public async Task The_grant_wizard_works_by_keyboard_alone_with_a_visible_focus()
    {
        var checks = PageChecks.For();
        var admin = await portal.NewPageAsync();
        await admin.GotoAsync("/account/sign-in");
        await admin.SignInAsync(checks, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await admin.CreateContactAsync(checks, "Kim Keyboard", "kim.keyboard@example.com");

        await admin.TabToAsync("Action ▾");
        await admin.FocusShouldBeVisibleAsync();
        await admin.Keyboard.PressAsync("Enter");
        await admin.TabToAsync("Grant portal access", maxPresses: 3);
        await admin.FocusShouldBeVisibleAsync();
        await admin.Keyboard.PressAsync("Enter");
        await admin.ShouldBeAtAsync("/admin/portal-access");

        await admin.TabToAsync("Grant access to Kim Keyboard");
        await admin.FocusShouldBeVisibleAsync();
        await checks.ScreenshotAsync(admin, "grant-button-focused");
        await admin.Keyboard.PressAsync("Enter");
        await Expect(RowMessage(admin, "Kim Keyboard")).ToContainTextAsync("Access granted. The invitation e-mail is on its way.");
        await Expect(Row(admin, "Kim Keyboard")).ToContainTextAsync("Invited");
        await checks.StepAsync(admin, "granted-by-keyboard");
        await portal.Smtp.WaitForAsync("kim.keyboard@example.com");
    }

    private static ILocator Row(IPage wizard, string name) =>
        wizard.GetByRole(AriaRole.Row).Filter(new() { Has = wizard.GetByRole(AriaRole.Rowheader, new() { Name = name }) });

    /// <summary>The row's message: the status region its e-mail field (or its row) is described by.</summary>
    [SkippableFact]
    public async Task A_company_administrator_invites_a_colleague_who_sees_invoices_only_and_is_out_on_the_next_click_after_a_revoke()
    {
        var checks = PageChecks.For();
        portal.RequireBrowser();
        int invoiceId, quotationId;
        await using var seeder = PortalFactory.SecondInstanceOf(portal.App);
        await ((IAsyncLifetime)seeder).InitializeAsync();
        using (var seeding = await seeder.SignedInAdminAsync())
        {
            // Staff make Kim the company's administrator through the grant wizard's form.
            var company = await seeding.CreateContactAsync("Quill GmbH", "office@quill.example", kind: "Company");
            (await seeder.CompanyMemberAsync(seeding, company, "Kim Quill", "kim@quill.example", administrator: true)).Browser.Dispose();
            invoiceId = await seeding.CreateDocumentAsync(company, "Invoice", "INV-QUILL-1", status: "Sent", withPdf: true);
            quotationId = await seeding.CreateDocumentAsync(company, "Quotation", "QUO-QUILL-1", status: "Sent", withPdf: true);
        }

        var kim = await portal.NewPageAsync();
        await kim.GotoAsync("/account/sign-in");
        await kim.SignInAsync(checks, "kim@quill.example", Flows.CustomerPassword);
        await kim.ShouldBeAtAsync("/my");
        await kim.GotoAsync("/my/company");
        await checks.StepAsync(kim, "my-company");
        await kim.Link("Invite a colleague").ClickAsync();
        await checks.StepAsync(kim, "my-company-invite");
        await kim.Field("Name").FillAsync("Lea Quill");
        await kim.Field("E-mail").FillAsync("lea@quill.example");
        await kim.Button("Send invitation").ClickAsync();
        await kim.ShouldBeAtAsync("/my/company");
        await Expect(kim.GetByRole(AriaRole.Status).First).ToContainTextAsync("Lea Quill");
        await checks.StepAsync(kim, "my-company-invited");
        var invitation = await portal.InvitationLinkAsync("lea@quill.example");

        await kim.Link("Lea Quill").ClickAsync();
        await Expect(kim.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lea Quill");
        await checks.StepAsync(kim, "my-colleague");
        await kim.GetByRole(AriaRole.Radio, new() { Name = "Only these kinds:" }).CheckAsync();
        await kim.GetByRole(AriaRole.Checkbox, new() { Name = "Invoices", Exact = true }).CheckAsync();
        await kim.Button("Save").ClickAsync();
        await Expect(kim.GetByRole(AriaRole.Status).First).ToContainTextAsync("Lea Quill now sees the documents you chose.");
        await checks.StepAsync(kim, "my-colleague-saved");

        var lea = await portal.NewPageAsync();
        await lea.GotoAsync(invitation);
        await lea.Field("New password").FillAsync(Flows.CustomerPassword);
        await lea.Field("Repeat the password").FillAsync(Flows.CustomerPassword);
        await lea.Button("Set password and sign in").ClickAsync();
        await lea.ShouldBeAtAsync("/my");
        await lea.GotoAsync("/my/documents");
        await Expect(lea.GetByText("INV-QUILL-1").First).ToBeVisibleAsync();
        await Expect(lea.GetByText("QUO-QUILL-1")).ToHaveCountAsync(0);
        (await lea.GotoAsync($"/my/documents/{quotationId}"))!.Status.ShouldBe(404);
        (await lea.GotoAsync($"/my/documents/{invoiceId}"))!.Status.ShouldBe(200);

        await kim.ReloadAsync();
        await kim.Button("Revoke access").ClickAsync();
        await Expect(kim.GetByRole(AriaRole.Status).First).ToContainTextAsync("Lea Quill no longer has access to the portal.");
        await lea.Link("My Account").First.ClickAsync();
        await lea.ShouldBeAtAsync("/account/sign-in");
    }

    private static ILocator RowMessage(IPage wizard, string name) =>
        wizard.GetByRole(AriaRole.Row).Filter(new() { Has = wizard.GetByRole(AriaRole.Rowheader, new() { Name = name }) })
            .Locator("xpath=following-sibling::tr[1]").GetByRole(AriaRole.Status);
    [SkippableFact]
    public async Task The_customers_documents_payment_methods_and_pages_and_the_back_offices_staff_settings_and_activity_pages_pass_axe()
    {
        var checks = PageChecks.For();
        portal.RequireBrowser();

        // Content to look at, put in place through the real forms over HTTP by a second instance on the same database
        // (what is checked here is the pages, not these steps).
        const string email = "paula.pages@example.com";
        int documentId;
        string replacedLink;
        await using var seeder = PortalFactory.SecondInstanceOf(portal.App);
        await ((IAsyncLifetime)seeder).InitializeAsync();
        using (var seeding = await seeder.SignedInAdminAsync())
        {
            var (seeded, contactId) = await seeder.CustomerAsync(seeding, "Paula Pages", email);
            seeded.Dispose();
            documentId = await seeding.CreateDocumentAsync(contactId, "Invoice", "INV-AXE-1", status: "Sent", withPdf: true);
            await seeding.PublishPageAsync(await seeding.CreatePageAsync("Service hours", "service-hours",
                body: "We answer **every** weekday."), "PortalUsers");
            await seeding.PublishPageAsync(await seeding.CreatePageAsync("Spring news", "spring-news", kind: "BlogPost",
                publishedOn: "2026-11-01"), "Public");
            var replacedId = await seeding.CreateContactAsync("Rhea Replaced", "rhea.replaced@example.com");
            await seeding.GrantAsync(replacedId);
            replacedLink = await seeder.LatestInvitationPathAsync("rhea.replaced@example.com");
            portal.App.Clock.Advance(TimeSpan.FromMinutes(2));
            await seeding.PressRowButtonAsync(await seeding.OpenWizardAsync(replacedId), replacedId, "ReInvite");
        }

        // A link replaced by a re-invite offers a new one, and the answer says nothing of what happened.
        var replaced = await portal.NewPageAsync();
        await replaced.GotoAsync(replacedLink);
        await Expect(replaced.GetByText("This invitation link was replaced by a newer one.")).ToBeVisibleAsync();
        await checks.StepAsync(replaced, "invitation-new-link-offer");
        await replaced.Button("Send me a new link").ClickAsync();
        await replaced.ShouldBeAtAsync("/account/new-link-sent");
        await checks.StepAsync(replaced, "new-link-sent");

        var customer = await portal.NewPageAsync();
        await customer.GotoAsync("/account/sign-in");
        await customer.SignInAsync(checks, email, Flows.CustomerPassword);
        await customer.ShouldBeAtAsync("/my");
        await customer.GotoAsync("/my/documents");
        await checks.StepAsync(customer, "my-documents");
        await customer.Link("INV-AXE-1", exact: false).First.ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("INV-AXE-1");
        await checks.StepAsync(customer, "my-document");
        await customer.GotoAsync("/my/payment-methods/new");
        await checks.StepAsync(customer, "my-payment-method-new");
        await customer.Field("IBAN").FillAsync("DE89 3704 0044 0532 0130 00");
        await customer.GetByRole(AriaRole.Checkbox, new() { Name = "I agree to the SEPA Direct Debit mandate above." }).CheckAsync();
        await customer.Button("Save bank account").ClickAsync();
        await customer.ShouldBeAtAsync("/my/payment-methods");
        await Expect(customer.GetByRole(AriaRole.Status).First).ToContainTextAsync("has been added");
        await checks.StepAsync(customer, "my-payment-methods");
        await customer.GotoAsync("/pages/service-hours");
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Service hours", Level = 1 })).ToBeVisibleAsync();
        await checks.StepAsync(customer, "customer-page");
        await customer.GotoAsync("/blog");
        await Expect(customer.GetByText("Spring news").First).ToBeVisibleAsync();
        await checks.StepAsync(customer, "blog");

        var admin = await portal.NewPageAsync();
        await admin.GotoAsync("/account/sign-in");
        await admin.SignInAsync(checks, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await admin.ShouldBeAtAsync("/admin");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Adoption at a glance");
        await checks.StepAsync(admin, "admin-dashboard");
        await admin.GotoAsync("/admin?period=Between&from=2026-01-01&to=2026-12-31");
        await Expect(admin.Locator("#funnel")).ToBeVisibleAsync();
        await admin.GetByText("The chart as a table").ClickAsync();
        await Expect(admin.Locator("#adoption-weeks")).ToBeVisibleAsync();
        await checks.StepAsync(admin, "admin-dashboard-filtered");
        await admin.GotoAsync($"/admin/documents/{documentId}");
        await checks.StepAsync(admin, "admin-document");
        await admin.GotoAsync("/admin/pages");
        await checks.StepAsync(admin, "admin-pages");
        foreach (var (link, path) in new[]
                 {
                     ("Documents", "/admin/documents"), ("Activity", "/admin/activity"), ("Requests", "/admin/portal-access/requests"),
                     ("Staff", "/admin/staff"), ("Settings", "/admin/settings"),
                 })
        {
            await admin.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await admin.ShouldBeAtAsync(path);
            await checks.StepAsync(admin, "admin-" + link.ToLowerInvariant());
        }
        await admin.GotoAsync("/admin/staff/invite");
        await checks.StepAsync(admin, "admin-staff-invite");
    }

    [SkippableFact]
    public async Task A_csv_import_its_preview_and_the_grant_jobs_progress_page_pass_axe()
    {
        var checks = PageChecks.For();
        portal.RequireBrowser();
        var admin = await portal.NewPageAsync();
        await admin.GotoAsync("/account/sign-in");
        await admin.SignInAsync(checks, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await admin.ShouldBeAtAsync("/admin");

        await admin.GotoAsync("/admin/contacts/import");
        await checks.StepAsync(admin, "admin-contact-import");
        await admin.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "onboarding.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("""
                Name;E-mail;City
                Ida Import;ida.import@example.com;Bonn
                Ivo Import;ivo.import@example.com;Köln
                Iris Import;not-an-address;Köln

                """),
        });
        await admin.Button("Upload and preview").ClickAsync();
        await Expect(admin.Locator("#refused-rows tbody tr")).ToHaveCountAsync(1);
        await checks.StepAsync(admin, "admin-contact-import-preview");

        await admin.GetByLabel("Grant portal access to the imported contacts").CheckAsync();
        await admin.Button("Import 2 rows").ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/admin/portal-access/jobs/[0-9]+$"));
        await checks.StepAsync(admin, "admin-job-progress");
        // The page follows the job through its progress endpoint (a script file: the CSP stays strict) and shows the
        // results once it is finished.
        await Expect(admin.Locator("#job-results tbody tr")).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        await Expect(admin.Locator("[data-job-field=remaining]")).ToHaveTextAsync("0");
        await checks.StepAsync(admin, "admin-job-finished");
    }
}
