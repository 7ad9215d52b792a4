using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Activity;
using Portal.Domain.Mail;
using Portal.Domain.Users;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.PortalAccess;

namespace Portal.FunctionalTests;

/// <summary>
/// /admin/settings: what the business configures itself and where it shows, all through the real forms. Every
/// test gets a portal of its own, as settings apply to the whole portal.
/// </summary>
public sealed class SettingsTests : IAsyncLifetime
{
    private readonly PortalFactory factory = new();

    public Task InitializeAsync() => ((IAsyncLifetime)factory).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)factory).DisposeAsync();

    private static async Task<Page> SaveAsync(PortalBrowser admin, string button, Dictionary<string, string?> fields)
    {
        var form = await admin.GetAsync("/admin/settings");
        form.Status.ShouldBe(HttpStatusCode.OK, form.Text);
        return await admin.SubmitAsync(form, button, fields);
    }

    private static async Task SavedAsync(PortalBrowser admin, string button, Dictionary<string, string?> fields)
    {
        var saved = await SaveAsync(admin, button, fields);
        saved.Path.ShouldBe("/admin/settings");
        saved.Document.QuerySelector(".alert-success").ShouldNotBeNull(saved.Text);
    }

    /// <summary>A 120 × 40 PNG header: signature, IHDR, IEND.</summary>
    private static byte[] Png()
    {
        byte[] header = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 120, 0, 0, 0, 40, 8,
            6, 0, 0, 0, 0, 0, 0, 0];
        byte[] end = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
        return [.. header, .. end];
    }

    private Task<List<ActivityEntry>> SettingsActivityAsync() =>
        factory.WithDbAsync(db => db.ActivityEntries.AsNoTracking().Where(a => a.Kind == ActivityKind.SettingsChanged).OrderBy(a => a.Id)
            .ToListAsync());

    [Fact]
    public async Task The_company_name_colour_and_contacts_show_on_customer_pages_and_in_invitation_mails_right_after_saving()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Bea Brand", "bea.brand@example.com");
        using var _1 = customer;
        (await customer.GetAsync("/my")).Document.QuerySelector(".navbar-brand")!.TextContent.ShouldContain("Contoso Trading");

        await SavedAsync(admin, "Save branding", new()
        {
            ["Branding.CompanyName"] = "Fabrikam Foods",
            ["Branding.PrimaryColour"] = "#1A4D2E",
            ["Branding.SupportEmail"] = "help@fabrikam.example",
            ["Branding.SupportPhone"] = "+49 40 555 0100",
            ["Branding.ImprintUrl"] = "https://fabrikam.example/imprint",
            ["Branding.PrivacyUrl"] = "https://fabrikam.example/privacy",
        });

        var home = await customer.GetAsync("/my");
        home.Document.QuerySelector(".navbar-brand")!.TextContent.ShouldContain("Fabrikam Foods");
        home.Document.Title!.ShouldEndWith("Fabrikam Foods");
        var footer = home.Document.QuerySelector("footer")!;
        footer.TextContent.ShouldContain("help@fabrikam.example");
        footer.QuerySelector("a[href='https://fabrikam.example/imprint']")!.TextContent.ShouldBe("Imprint");
        footer.QuerySelector("a[href='https://fabrikam.example/privacy']").ShouldNotBeNull();
        home.Html.ShouldNotContain("style=\"", Case.Sensitive, "the CSP allows no inline styles");

        var themeHref = home.Document.QuerySelector("link[href^='/branding/theme.css']")!.GetAttribute("href")!;
        var theme = await customer.Client.GetAsync(themeHref);
        theme.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        var css = await theme.Content.ReadAsStringAsync();
        css.ShouldContain("--bs-primary: #1a4d2e;");
        css.ShouldContain("--bs-primary-rgb: 26, 77, 46;");
        css.ShouldContain(".btn-primary");

        var german = await customer.GetAsync("/my");
        german.Text.ShouldContain("Fabrikam Foods");

        var contactId = await admin.CreateContactAsync("Nina Newcomer", "nina.newcomer@example.com");
        await admin.GrantAsync(contactId);
        var mail = (await factory.Smtp.WaitForAsync("nina.newcomer@example.com")).Single();
        (mail.Subject ?? "").ShouldContain("Fabrikam Foods");
        (mail.TextBody ?? "").ShouldContain("Fabrikam Foods");
        (mail.TextBody ?? "").ShouldContain("help@fabrikam.example");
        (mail.HtmlBody ?? "").ShouldContain("background:#1a4d2e");
        (mail.HtmlBody ?? "").ShouldContain("href=\"https://fabrikam.example/privacy\"");
        (mail.HtmlBody ?? "").ShouldNotContain("Contoso Trading");

        var entry = (await SettingsActivityAsync()).ShouldHaveSingleItem();
        entry.ActorName.ShouldContain(PortalFactory.AdminEmail);
        entry.Detail.ShouldBe("CompanyName,PrimaryColour,SupportEmail,SupportPhone,ImprintUrl,PrivacyUrl");
    }

    [Fact]
    public async Task A_colour_too_light_for_white_text_is_refused_next_to_its_field_in_german_too()
    {
        using var admin = await factory.SignedInAdminAsync("de");

        var refused = await SaveAsync(admin, "Erscheinungsbild speichern", new() { ["Branding.PrimaryColour"] = "#ffff00" });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.FieldError("Branding.PrimaryColour")
            .ShouldBe("Weiße Schrift wäre auf dieser Farbe schwer zu lesen. Wählen Sie eine dunklere Farbe.");
        (await SettingsActivityAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_svg_with_a_script_is_refused_and_a_clean_png_is_accepted_and_served_as_an_inert_image()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = await admin.GetAsync("/admin/settings");

        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script><rect " +
            "width=\"10\" height=\"10\"/></svg>");
        var refused = await admin.SubmitMultipartAsync(form, "Upload logo",
            new UploadedFile("Logo.Data", "logo.svg", svg, "image/svg+xml"));
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.FieldError("Logo.Data")!.ShouldContain("This SVG contains scripts");
        refused.Document.QuerySelector("img[src^='/branding/logo']").ShouldBeNull();

        var png = Png();
        var saved = await admin.SubmitMultipartAsync(await admin.GetAsync("/admin/settings"), "Upload logo",
            new UploadedFile("Logo.Data", "logo.png", png, "image/png"));
        saved.Document.QuerySelector(".alert-success")!.TextContent.ShouldBe("The logo was saved.");

        using var visitor = factory.NewBrowser();
        var home = await visitor.GetAsync("/");
        var src = home.Document.QuerySelector(".navbar-brand img")!.GetAttribute("src")!;
        src.ShouldStartWith("/branding/logo?v=");
        var logo = await visitor.Client.GetAsync(src);
        logo.StatusCode.ShouldBe(HttpStatusCode.OK);
        logo.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        logo.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        logo.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
        logo.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        (await logo.Content.ReadAsByteArrayAsync()).ShouldBe(png);

        var removed = await admin.SubmitAsync(await admin.GetAsync("/admin/settings"), "Remove logo");
        removed.Document.QuerySelector(".alert-success")!.TextContent.ShouldBe("The logo was removed.");
        (await visitor.GetAsync("/")).Document.QuerySelector(".navbar-brand img").ShouldBeNull();
        (await visitor.Client.GetAsync("/branding/logo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SettingsActivityAsync()).Select(a => a.Detail).ShouldBe(["Logo", "Logo"]);
    }

    [Fact]
    public async Task Switching_off_payment_methods_removes_the_tile_and_every_payment_page_answers_404()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Paul Paymentless", "paul.paymentless@example.com");
        using var _1 = customer;
        (await customer.GetAsync("/my")).Document.QuerySelectorAll("a.tile").Any(a => a.TextContent.Contains("Payment methods"))
            .ShouldBeTrue();

        await SavedAsync(admin, "Save sections", new() { ["Sections.PaymentMethods"] = null });

        var home = await customer.GetAsync("/my");
        home.Document.QuerySelectorAll("a.tile").Any(a => a.TextContent.Contains("Payment methods")).ShouldBeFalse();
        home.Document.QuerySelectorAll("a.tile").Any(a => a.TextContent.Contains("My details")).ShouldBeTrue();
        (await customer.GetAsync("/my/payment-methods")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await customer.GetAsync("/my/payment-methods/new")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await customer.GetAsync("/my/account")).Status.ShouldBe(HttpStatusCode.OK);

        var entry = (await SettingsActivityAsync()).ShouldHaveSingleItem();
        entry.Detail.ShouldBe("SectionPaymentMethods");
        entry.ActorName.ShouldContain(PortalFactory.AdminEmail);

        await SavedAsync(admin, "Save sections", new() { ["Sections.PaymentMethods"] = "true" });
        (await customer.GetAsync("/my/payment-methods")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Switching_off_pages_and_documents_hides_portal_only_pages_posts_and_documents_while_public_pages_stay()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Pia Pageless", "pia.pageless@example.com");
        using var _1 = customer;
        await admin.PublishPageAsync(await admin.CreatePageAsync("Members only", "members-only"), "PortalUsers");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Members post", "members-post", kind: "BlogPost",
            publishedOn: "2026-11-01"), "PortalUsers");
        await admin.PublishPageAsync(await admin.CreatePageAsync("Open to all", "open-to-all"), "Public");
        (await customer.GetAsync("/pages/members-only")).Status.ShouldBe(HttpStatusCode.OK);
        (await customer.GetAsync("/blog")).Text.ShouldContain("Members post");

        await SavedAsync(admin, "Save sections", new() { ["Sections.Pages"] = null, ["Sections.Documents"] = null });

        (await customer.GetAsync("/pages/members-only")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await customer.GetAsync("/pages/members-post")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await customer.GetAsync("/blog")).Text.ShouldNotContain("Members post");
        (await customer.GetAsync("/pages/open-to-all")).Status.ShouldBe(HttpStatusCode.OK);
        (await customer.GetAsync("/my/documents")).Status.ShouldBe(HttpStatusCode.NotFound);
        var home = await customer.GetAsync("/my");
        home.Document.QuerySelectorAll("a.tile").Any(a => a.TextContent.Contains("Documents")).ShouldBeFalse();
        (await admin.GetAsync("/pages/members-only")).Status.ShouldBe(HttpStatusCode.OK, "staff still read what they publish");
    }

    [Fact]
    public async Task Requiring_two_factor_sends_a_customer_without_it_to_the_setup_after_sign_in_while_sign_out_still_works()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Tara Twofold", "tara.twofold@example.com");
        customer.Dispose();

        await SavedAsync(admin, "Save security settings", new() { ["Security.RequirePortalTwoFactor"] = "true" });

        using var again = factory.NewBrowser();
        var landed = await again.SignInAsync("tara.twofold@example.com", Flows.CustomerPassword);
        landed.Path.ShouldBe("/my/security/two-factor");
        landed.Document.QuerySelector("[data-testid=two-factor-required]")!.TextContent
            .ShouldBe("Contoso Trading requires two-factor authentication for the customer portal. Please set it up to continue.");
        (await again.GetAsync("/my/account")).Path.ShouldBe("/my/security/two-factor");
        (await again.GetAsync("/my/security", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        (await again.GetAsync("/my/security/data", followRedirects: false)).Status.ShouldNotBe(HttpStatusCode.Redirect);

        await again.EnableTwoFactorAsync(factory);
        (await again.GetAsync("/my/account", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);

        var signedOut = await again.SubmitAsync(await again.GetAsync("/account/sign-out"), "Sign out");
        (await again.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect, signedOut.Text);

        // The other tests of this portal are about customers without a second factor.
        await SavedAsync(admin, "Save security settings", new() { ["Security.RequirePortalTwoFactor"] = null });
    }

    [Fact]
    public async Task A_minimum_length_of_16_refuses_a_14_character_password_on_accepting_and_on_reset_with_the_number_in_the_message()
    {
        const string fourteen = "Vq8#Lm2$Xr5!Tz";
        using var admin = await factory.SignedInAdminAsync();
        await SavedAsync(admin, "Save security settings", new() { ["Security.PasswordMinLength"] = "16" });

        var contactId = await admin.CreateContactAsync("Lena Length", "lena.length@example.com");
        await admin.GrantAsync(contactId);
        var link = await factory.LatestInvitationPathAsync("lena.length@example.com");
        using var customer = factory.NewBrowser();
        var form = await customer.GetAsync(link);
        form.Document.QuerySelector("[name='Input.Password']")!.GetAttribute("minlength").ShouldBe("16");
        form.Document.GetElementById("password-help")!.TextContent.ShouldStartWith("At least 16 characters.");
        var refused = await customer.AcceptInvitationAsync(link, fourteen);
        refused.FieldError("Input.Password").ShouldBe("The password must be at least 16 characters long.");

        (await customer.AcceptInvitationAsync(link)).Path.ShouldBe("/my");
        customer.Dispose();

        using var german = factory.NewBrowser("de");
        await german.RequestResetAsync("lena.length@example.com");
        var resetMail = await Eventually.HoldsAsync(
            () => Task.FromResult(factory.Smtp.To("lena.length@example.com")
                .Where(m => (m.TextBody ?? "").Contains("/account/reset-password/")).ToList()),
            mails => mails.Count == 1, "the reset mail");
        var resetLink = new Uri(System.Text.RegularExpressions.Regex.Match(resetMail[0].TextBody ?? "",
            @"https?://\S+/account/reset-password/\S+").Value).PathAndQuery;
        var resetForm = await german.GetAsync(resetLink);
        resetForm.Document.QuerySelector("[name='Input.NewPassword']")!.GetAttribute("minlength").ShouldBe("16");
        var resetRefused = await german.SubmitAsync(resetForm, fields: new Dictionary<string, string?>
        {
            ["Input.NewPassword"] = fourteen,
            ["Input.ConfirmPassword"] = fourteen,
        });
        resetRefused.FieldError("Input.NewPassword").ShouldBe("Das Passwort muss mindestens 16 Zeichen lang sein.");
    }

    [Fact]
    public async Task An_invitation_validity_of_2_hours_makes_the_link_expire_after_2_hours()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = await admin.GetAsync("/admin/settings");
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.Document.QuerySelector("[name='Invitations.Validity']")!).Value.ShouldBe("7");
        await SavedAsync(admin, "Save invitation settings", new() { ["Invitations.Validity"] = "2", ["Invitations.Unit"] = "Hours" });

        var early = await admin.CreateContactAsync("Ella Early", "ella.early@example.com");
        var late = await admin.CreateContactAsync("Luis Late", "luis.late@example.com");
        await admin.GrantAsync(early);
        await admin.GrantAsync(late);
        var earlyLink = await factory.LatestInvitationPathAsync("ella.early@example.com");
        var lateLink = await factory.LatestInvitationPathAsync("luis.late@example.com");

        factory.Clock.Advance(TimeSpan.FromMinutes(119));
        using var ella = factory.NewBrowser();
        (await ella.AcceptInvitationAsync(earlyLink)).Path.ShouldBe("/my");

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        using var luis = factory.NewBrowser();
        var lateForm = await luis.GetAsync(lateLink);
        var expired = lateForm.Text.Contains("This invitation link has expired.") ? lateForm
            : await luis.SubmitAsync(lateForm, "Set password and sign in", new Dictionary<string, string?>
            {
                ["Input.Password"] = Flows.CustomerPassword,
                ["Input.ConfirmPassword"] = Flows.CustomerPassword,
            });
        expired.Text.ShouldContain("This invitation link has expired.");
        (await luis.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await SettingsActivityAsync()).ShouldHaveSingleItem().Detail.ShouldBe("InvitationValidity");
    }

    [Fact]
    public async Task A_reminder_goes_out_once_halfway_through_and_its_link_works_and_the_default_welcome_is_used()
    {
        using var admin = await factory.SignedInAdminAsync();
        await SavedAsync(admin, "Save invitation settings", new()
        {
            ["Invitations.Validity"] = "2",
            ["Invitations.Unit"] = "Days",
            ["Invitations.SendReminders"] = "true",
            ["Invitations.WelcomeMessageEnglish"] = "We look forward to working with you.",
            ["Invitations.WelcomeMessageGerman"] = "Wir freuen uns auf die Zusammenarbeit.",
        });
        var worker = factory.Services.GetRequiredService<InvitationReminderWorker>();
        var contactId = await admin.CreateContactAsync("Rita Remind", "rita.remind@example.com");
        await admin.GrantAsync(contactId);
        var invitation = (await factory.Smtp.WaitForAsync("rita.remind@example.com")).Single();
        (invitation.TextBody ?? "").ShouldContain("We look forward to working with you.");

        factory.Clock.Advance(TimeSpan.FromHours(23));
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "not due before half the validity");

        factory.Clock.Advance(TimeSpan.FromHours(2));
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(1);
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "at most once per invitation");
        factory.Clock.Advance(TimeSpan.FromHours(10));
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(0);

        var mails = await factory.Smtp.WaitForAsync("rita.remind@example.com", 2);
        // Each mail is a row in the outbox first: once every row to Rita is sent, the sink holds all she will get.
        await Eventually.HoldsAsync(
            () => factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == "rita.remind@example.com")
                .Select(m => m.Status).ToListAsync()),
            statuses => statuses.All(s => s == OutboxStatus.Sent), "every mail to Rita to be sent");
        factory.Smtp.To("rita.remind@example.com").Count.ShouldBe(2);
        var reminder = mails[1];
        reminder.Subject.ShouldBe("Reminder: your invitation to the Contoso Trading customer portal");
        using var rita = factory.NewBrowser();
        (await rita.AcceptInvitationAsync(reminder.InvitationPath())).Path.ShouldBe("/my");
    }

    [Fact]
    public async Task A_last_reminder_goes_out_the_chosen_hours_before_the_link_ends_and_the_contact_page_lists_both_reminders()
    {
        using var admin = await factory.SignedInAdminAsync();
        await SavedAsync(admin, "Save invitation settings", new()
        {
            ["Invitations.Validity"] = "7",
            ["Invitations.Unit"] = "Days",
            ["Invitations.SendReminders"] = "true",
            ["Invitations.SendFinalReminder"] = "true",
            ["Invitations.FinalReminderHoursBeforeExpiry"] = "24",
        });
        var worker = factory.Services.GetRequiredService<InvitationReminderWorker>();
        var contactId = await admin.CreateContactAsync("Lars Last", "lars.last@example.com");
        await admin.GrantAsync(contactId);
        var granted = factory.Clock.GetUtcNow();

        factory.Clock.Advance(TimeSpan.FromDays(3.5));
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(1, "the halfway reminder");
        factory.Clock.Advance(TimeSpan.FromDays(2.5) - TimeSpan.FromMinutes(1));
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "not before 24 hours ahead of the end");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(1, "the last reminder");
        factory.Clock.Advance(TimeSpan.FromHours(12));
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "once per invitation");

        var mails = await factory.Smtp.WaitForAsync("lars.last@example.com", 3);
        mails[2].Subject.ShouldBe("Reminder: your invitation to the Contoso Trading customer portal");
        using var lars = factory.NewBrowser();
        (await lars.AcceptInvitationAsync(mails[2].InvitationPath())).Path.ShouldBe("/my");
        using var later = await factory.SignedInAdminAsync();
        var reminders = (await later.GetAsync($"/admin/contacts/{contactId}")).Document
            .QuerySelector("[data-testid=invitation-reminders]")!.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        reminders.Count.ShouldBe(2);
        reminders[0].ShouldStartWith("Reminder sent");
        reminders[1].ShouldStartWith("Last reminder sent");
        (await factory.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.RemindAt != null)
            .Select(i => i.FinalRemindedAt).SingleAsync())).ShouldBe(granted + TimeSpan.FromDays(6));
    }

    [Fact]
    public async Task A_last_reminder_outside_its_range_is_refused_next_to_the_field()
    {
        using var admin = await factory.SignedInAdminAsync();

        var refused = await SaveAsync(admin, "Save invitation settings", new()
        {
            ["Invitations.SendFinalReminder"] = "true",
            ["Invitations.FinalReminderHoursBeforeExpiry"] = "0",
        });

        refused.Document.GetElementById("finalreminder-error")!.TextContent
            .ShouldBe("The last reminder must go out between 1 hour and 30 days before the link ends.");
    }

    [Fact]
    public async Task Reminders_stay_off_until_switched_on()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Otto Off", "otto.off@example.com");
        await admin.GrantAsync(contactId);
        factory.Clock.Advance(TimeSpan.FromDays(5));

        (await factory.Services.GetRequiredService<InvitationReminderWorker>().RunOnceAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Staff_without_the_settings_permission_get_403_and_no_settings_link()
    {
        var (staff, _) = await factory.SignedInColleagueAsync("rob.readonly@portal.test", "Rob Readonly", StaffRole.ReadOnly);
        using var _1 = staff;
        var home = await staff.GetAsync("/admin");
        home.Document.QuerySelector("a[href='/admin/settings']").ShouldBeNull();

        (await staff.GetAsync("/admin/settings", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = await factory.SignedInAdminAsync();
        var adminHome = await admin.GetAsync("/admin");
        adminHome.Document.QuerySelector("a[href='/admin/settings']")!.TextContent.ShouldBe("Settings");
    }

    [Fact]
    public async Task An_idle_timeout_of_10_minutes_keeps_a_customer_in_after_9_idle_minutes_and_signs_them_out_after_11()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Ivo Idle", "ivo.idle@example.com");
        using var _1 = customer;
        await SavedAsync(admin, "Save security settings", new() { ["Security.SessionIdleTimeoutMinutes"] = "10" });

        factory.Clock.Advance(TimeSpan.FromMinutes(9));
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var ended = await customer.GetAsync("/my", followRedirects: false);
        ended.Status.ShouldBe(HttpStatusCode.Redirect);
        ended.Location!.ShouldContain("/account/sign-in");

        var entry = (await SettingsActivityAsync()).ShouldHaveSingleItem();
        entry.Detail.ShouldBe("SessionIdleTimeout");
    }
}
