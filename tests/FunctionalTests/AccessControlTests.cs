using System.Net;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>Who may open what, the headers every page carries, and bad input that must never become a 500.</summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]
public sealed class AccessControlTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> AdminPages => ["/admin", "/admin/contacts", "/admin/contacts/new", "/admin/contacts/1",
        "/admin/contacts/1/edit", "/admin/portal-access?ids=1", "/admin/emails"];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task A_portal_user_never_reaches_the_back_office(string url)
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, $"Paul Portal {Guid.NewGuid():n}"[..20],
            $"paul.{Guid.NewGuid():n}@example.com");
        using var _1 = customer;
        var page = await customer.GetAsync(url, followRedirects: false);
        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        page.Text.ShouldContain("Access denied");
    }

    [Fact]
    public async Task A_portal_user_can_not_post_to_the_wizard()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Mallory Portal", "mallory.portal@example.com");
        using var _ = customer;
        var wizard = await admin.OpenWizardAsync(contactId);
        var forged = customer;
        var response = await forged.SubmitAsync(wizard, fields: null,
            buttonSelector: $"button[name=contactId][value='{contactId}'][formaction*='handler=Revoke']", followRedirects: false);
        response.Status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await factory.ContactAsync(contactId)).PortalUser!.State.ShouldBe(Portal.Domain.PortalAccess.PortalAccessState.Active);
    }

    [Theory]
    [InlineData("/my")]
    [InlineData("/my/account")]
    [InlineData("/admin")]
    [InlineData("/admin/contacts")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.GetAsync(url, followRedirects: false);
        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location!.ShouldContain("/account/sign-in?ReturnUrl=");
    }

    [Fact]
    public async Task An_admin_has_no_My_Account()
    {
        using var admin = await factory.SignedInAdminAsync();
        (await admin.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Sign_in_gives_one_generic_message_for_unknown_e_mail_and_wrong_password()
    {
        using var browser = factory.NewBrowser();
        var unknown = await browser.SignInAsync("nobody@example.com", "Whatever-Long-Passphrase-1");
        var wrong = await browser.SignInAsync(PortalFactory.AdminEmail, "Whatever-Long-Passphrase-1");
        unknown.Text.ShouldContain("The e-mail address or password is not correct.");
        wrong.Text.ShouldContain("The e-mail address or password is not correct.");
        unknown.Document.QuerySelector(".alert-danger")!.TextContent.Trim()
            .ShouldBe(wrong.Document.QuerySelector(".alert-danger")!.TextContent.Trim());
    }

    [Fact]
    public async Task Sign_in_never_redirects_to_another_site()
    {
        using var browser = factory.NewBrowser();
        var form = await browser.GetAsync("/account/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var result = await browser.SubmitAsync(form, "Sign in", new Dictionary<string, string?>
        {
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.AdminPassword,
        }, followRedirects: false);
        result.Status.ShouldBe(HttpStatusCode.Redirect);
        result.Location.ShouldBe("/admin");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/invitation/some-token")]
    [InlineData("/admin/contacts")]
    public async Task Every_page_carries_the_security_headers(string url)
    {
        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetAsync(url);
        var headers = page.Response.Headers;
        headers.GetValues("Content-Security-Policy").Single().ShouldContain("object-src 'none'");
        headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        headers.GetValues("Content-Security-Policy").Single().ShouldNotContain("unsafe-inline");
        headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        headers.GetValues("Referrer-Policy").ShouldContain("no-referrer");
        headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site()
    {
        using var browser = factory.NewBrowser();
        var form = await browser.GetAsync("/account/sign-in");
        var result = await browser.SubmitAsync(form, "Sign in", new Dictionary<string, string?>
        {
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.AdminPassword,
        }, followRedirects: false);
        var cookie = result.Response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("__Host-portal.session", StringComparison.Ordinal));
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
        cookie.ShouldContain("secure");
    }

    [Theory]
    [InlineData("/admin/contacts/999999")]
    [InlineData("/admin/contacts/999999/edit")]
    [InlineData("/no-such-page")]
    public async Task Unknown_records_and_pages_are_a_friendly_404(string url)
    {
        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetAsync(url);
        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Text.ShouldContain("Page not found");
    }

    [Theory]
    [InlineData("/admin/contacts?page=abc&sort=Nonsense&access=99&desc=maybe")]
    [InlineData("/admin/contacts?page=-5")]
    [InlineData("/admin/portal-access?ids=abc,-1,,2147483648")]
    [InlineData("/admin/emails?status=Exploded&page=0")]
    public async Task Hand_edited_query_strings_never_give_a_server_error(string url)
    {
        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetAsync(url);
        page.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Contact_form_errors_are_shown_next_to_their_fields_and_nothing_is_stored()
    {
        using var admin = await factory.SignedInAdminAsync();
        var form = await admin.GetAsync("/admin/contacts/new");
        var result = await admin.SubmitAsync(form, "Save", new Dictionary<string, string?>
        {
            ["Details.Name"] = "",
            ["Email"] = "broken@",
            ["Details.CountryCode"] = "XX",
            ["Details.PostalCode"] = new string('9', 40),
        });
        result.Status.ShouldBe(HttpStatusCode.OK);
        result.Path.ShouldBe("/admin/contacts/new");
        result.Document.QuerySelector("#name-error")!.TextContent.ShouldContain("Please enter a name.");
        result.Document.QuerySelector("#email-error")!.TextContent.ShouldContain("Please enter a valid e-mail address.");
        result.Document.QuerySelector("#countrycode-error")!.TextContent.ShouldContain("Please choose a country from the list.");
        result.Document.QuerySelector("#postalcode-error")!.TextContent.ShouldContain("This value is too long.");
    }

    [Fact]
    public async Task A_customer_sees_their_own_details_and_bad_input_is_refused_without_losing_data()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Bea Bounds", "bea.bounds@example.com");
        using var _ = customer;
        var form = await customer.GetAsync("/my/account");
        var refused = await customer.SubmitAsync(form, "Save",
            new Dictionary<string, string?> { ["Details.Name"] = " ", ["Details.City"] = "Köln" });
        refused.Document.QuerySelector("#name-error")!.TextContent.ShouldContain("Please enter a name.");
        var stored = await factory.ContactAsync(contactId);
        stored.Name.ShouldBe("Bea Bounds");
        stored.City.ShouldBe("Hamburg");
    }

    [Fact]
    public async Task The_portal_speaks_German_when_the_browser_asks_for_it()
    {
        using var admin = await factory.SignedInAdminAsync("de-DE,de;q=0.9");
        var contacts = await admin.GetAsync("/admin/contacts");
        contacts.Document.DocumentElement.GetAttribute("lang").ShouldBe("de");
        contacts.Text.ShouldContain("Kontakte");
        contacts.Text.ShouldContain("Abmelden");

        using var visitor = factory.NewBrowser("de");
        var signIn = await visitor.GetAsync("/account/sign-in");
        signIn.Document.QuerySelector("h1")!.TextContent.ShouldBe("Anmelden");
        var refused = await visitor.SubmitAsync(signIn, "Anmelden",
            new Dictionary<string, string?> { ["Input.Email"] = "x@example.com", ["Input.Password"] = "y" });
        refused.Text.ShouldContain("Die E-Mail-Adresse oder das Passwort ist nicht korrekt.");
    }

    [Fact]
    public async Task The_language_switch_remembers_the_choice()
    {
        using var visitor = factory.NewBrowser();
        var home = await visitor.GetAsync("/");
        var german = await visitor.SubmitAsync(home, "Change language", new Dictionary<string, string?> { ["culture"] = "de" });
        german.Document.DocumentElement.GetAttribute("lang").ShouldBe("de");
        (await visitor.GetAsync("/account/sign-in")).Document.QuerySelector("h1")!.TextContent.ShouldBe("Anmelden");
    }
}
