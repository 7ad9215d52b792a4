using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Documents;
using Portal.FunctionalTests.Support;
using Portal.Web.Infrastructure.Security;

namespace Portal.FunctionalTests;

/// <summary>
/// The layout and My Account's home write their links and forms as plain HTML with addresses from the route table, not
/// through tag helpers; these tests follow every one of them, so a link that names the wrong address fails here.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]
public sealed class LayoutLinksTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_link_on_a_customers_My_Account_opens_its_page()
    {
        using var admin = await factory.SignedInAdminAsync();
        var company = await admin.CreateContactAsync("Linnet GmbH", "office@linnet.example", kind: "Company");
        var (customer, contactId) = await factory.CompanyMemberAsync(admin, company, "Lina Linnet", "lina@linnet.example",
            administrator: true);
        using var _ = customer;
        await factory.AddDocumentAsync(contactId, DocumentKind.Invoice, "LL-1", DocumentStatus.Sent, new DateOnly(2026, 11, 2));
        var slug = $"linnet-prices-{Guid.NewGuid():n}"[..24];
        await admin.PublishPageAsync(await admin.CreatePageAsync("Linnet prices", slug), "PortalUsers");

        var home = await customer.GetAsync("/my");

        var links = LocalLinks(home);
        links.ShouldBe(["/", "/blog", $"/pages/{slug}", "/my", "/account/sign-out", "/my/account", "/my/security",
            "/my/documents?kind=Invoice", "/my/company", "/my/payment-methods", $"/pages/{slug}"], ignoreOrder: true);
        foreach (var link in links.Distinct())
        {
            (await customer.GetAsync(link, followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK, link);
        }
        var invoices = await customer.GetAsync("/my/documents?kind=Invoice");
        invoices.Document.QuerySelector("select[name=kind] option[selected]")!.GetAttribute("value").ShouldBe("Invoice");
        invoices.Text.ShouldContain("LL-1");
    }

    [Fact]
    public async Task Every_link_in_the_back_offices_navigation_opens_its_page()
    {
        using var admin = await factory.SignedInAdminAsync();

        var home = await admin.GetAsync("/admin");

        var links = LocalLinks(home, "header");
        links.ShouldBe(["/", "/admin/contacts", "/admin/documents", "/admin/emails", "/admin/pages", "/admin/activity",
            "/admin/portal-access/requests", "/admin/settings", "/admin/staff", "/blog", "/admin", "/admin/account", "/account/sign-out"],
            ignoreOrder: true);
        foreach (var link in links)
        {
            (await admin.GetAsync(link, followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK, link);
        }
    }

    [Fact]
    public async Task A_visitor_finds_sign_in_the_stylesheets_and_scripts_and_a_language_switch_that_works()
    {
        using var visitor = factory.NewBrowser();

        var home = await visitor.GetAsync("/");

        LocalLinks(home, "header").ShouldBe(["/", "/blog", "/account/sign-in"], ignoreOrder: true);
        (await visitor.GetAsync("/account/sign-in")).Status.ShouldBe(HttpStatusCode.OK);
        var assets = home.Document.QuerySelectorAll("link[rel=stylesheet][href^='/']").Select(link => link.GetAttribute("href")!)
            .Concat(home.Document.QuerySelectorAll("script[src^='/']").Select(script => script.GetAttribute("src")!))
            .ToList();
        assets.Count.ShouldBe(4, "Bootstrap's stylesheet and script, the portal's stylesheet and the brand's theme");
        assets.ShouldContain(asset => Regex.IsMatch(asset, "^/css/site\\.[a-z0-9]+\\.css$"),
            "the portal's stylesheet is addressed by its content, so a new version is never read from a stale cache");
        factory.Services.GetServices<ITagHelperComponent>().ShouldBeEmpty(
            "the layout leaves out the <head> and <body> tag helpers, so a tag helper component would never run");
        foreach (var asset in assets)
        {
            using var served = await visitor.Client.GetAsync(asset);
            served.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
        }
        (await visitor.GetAsync("/account/sign-out", followRedirects: false)).Location.ShouldBe("/",
            "someone not signed in has nothing to sign out of");
        var german = await visitor.SubmitAsync(home, "Change language", new Dictionary<string, string?> { ["culture"] = "de" });
        german.Path.ShouldBe("/");
        german.Document.DocumentElement.GetAttribute("lang").ShouldBe("de");
    }

    [Fact]
    public async Task The_layout_seals_no_antiforgery_token_sign_out_goes_through_its_page_and_the_language_switch_is_a_get()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.CustomerAsync(admin, "Tom Token", "tom.token@example.com");
        using var _1 = customer;

        var home = await customer.GetAsync("/my");
        home.Document.QuerySelectorAll("input[name=__RequestVerificationToken]").ShouldBeEmpty(
            "a page without a form of its own seals no token");
        home.Document.QuerySelectorAll("form[method=post]").ShouldBeEmpty();
        var language = home.Document.QuerySelector("form[action='/language']").ShouldNotBeNull();
        language.GetAttribute("method").ShouldBe("get");

        factory.Services.GetRequiredService<IDataProtectionProvider>().ShouldBeOfType<AntiforgeryCookieTokens>(
            "the antiforgery cookie is decrypted once per visit");
        var signOut = await customer.GetAsync(home.Document.QuerySelector("nav a[href='/account/sign-out']")!.GetAttribute("href")!);
        signOut.Text.ShouldContain("Sign out on this device? Other devices stay signed in.");
        signOut.Document.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")
            .ShouldNotBeNullOrEmpty();
        using var forged = await customer.Client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "signing out still takes the page's token");
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);

        using var elsewhere = await customer.Client.GetAsync("/language?culture=de&returnUrl=https%3A%2F%2Fevil.example%2F");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        elsewhere.Headers.Location!.ToString().ShouldBe("/", "only local addresses are followed");
        using var unknown = await customer.Client.GetAsync("/language?culture=xx&returnUrl=%2Fmy");
        (unknown.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(
            cookie => cookie.StartsWith("__Host-portal.culture=", StringComparison.Ordinal), "an unknown language is not remembered");
        var german = await customer.SubmitAsync(home, "Change language", new Dictionary<string, string?> { ["culture"] = "de" });
        german.Path.ShouldBe("/my");
        german.Document.DocumentElement.GetAttribute("lang").ShouldBe("de");

        var signedOut = await customer.SubmitAsync(signOut, "Sign out");
        signedOut.Path.ShouldBe("/");
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>The addresses of the local links in <paramref name="selector"/> (the whole page by default), in page order.</summary>
    private static List<string> LocalLinks(Page page, string selector = "body") =>
        page.Document.QuerySelector(selector)!.QuerySelectorAll("a[href^='/']")
            .Select(a => a.GetAttribute("href")!)
            .ToList();
}
