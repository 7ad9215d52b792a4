using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// The headers every page carries: a strict CSP and no sniffing everywhere, no referrer on pages whose address
/// is a one-time link, nothing cached once signed in (or on a link page), and HSTS outside Development.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]
public sealed class SecurityHeadersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] PublicPages =
    [
        "/", "/account/sign-in", "/account/forgot-password", "/account/forgot-password/sent", "/no-such-page",
    ];

    private static readonly string[] TokenPages =
    [
        "/invitation/some-token", "/account/reset-password/some-token", "/account/confirm-email/some-token",
        "/account/report-email-change/some-token",
    ];

    private static readonly string[] CustomerPages = ["/my", "/my/account", "/my/security"];

    [Fact]
    public async Task Public_pages_carry_a_strict_policy_and_no_sniffing()
    {
        using var visitor = factory.NewBrowser();

        await AssertEveryPageAsync(visitor, PublicPages, AssertStrictPolicy);
    }

    [Fact]
    public async Task Pages_whose_address_is_a_one_time_link_send_no_referrer_and_are_never_cached()
    {
        using var visitor = factory.NewBrowser();

        await AssertEveryPageAsync(visitor, TokenPages, page =>
        {
            AssertStrictPolicy(page);
            page.Response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
            page.Response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
        });
    }

    [Fact]
    public async Task A_customers_pages_are_never_cached()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Hedda Headers", "hedda.headers@example.com");
        using var _1 = customer;

        await AssertEveryPageAsync(customer, CustomerPages, AssertSignedInPage);
    }

    [Fact]
    public async Task Back_office_pages_are_never_cached()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Hanno Headers", "hanno.headers@example.com");

        await AssertEveryPageAsync(admin,
            ["/admin", "/admin/contacts", "/admin/contacts/new", $"/admin/contacts/{contactId}", $"/admin/portal-access?ids={contactId}",
                "/admin/emails", "/"],
            AssertSignedInPage);
    }

    [Fact]
    public async Task Outside_Development_https_answers_carry_HSTS()
    {
        // Not localhost: HSTS leaves loopback names out on purpose, and a real deployment has a real host name.
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://portal.example.test"),
            AllowAutoRedirect = false,
        });

        using var response = await client.GetAsync("/account/sign-in");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        hsts.ShouldContain("max-age=31536000");
    }

    private static void AssertStrictPolicy(Page page)
    {
        var policy = page.Response.Headers.GetValues("Content-Security-Policy").Single();
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        policy.ShouldNotContain("unsafe-inline");
        policy.ShouldNotContain("unsafe-eval");
        directives.ShouldContain("object-src 'none'");
        directives.ShouldContain("base-uri 'none'");
        directives.ShouldContain("frame-ancestors 'none'");
        directives.ShouldContain("script-src 'self'");
        page.Response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        page.Response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
    }

    private static void AssertSignedInPage(Page page)
    {
        page.Status.ShouldBe(HttpStatusCode.OK);
        AssertStrictPolicy(page);
        page.Response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
    }

    /// <summary>Checks every page and names each one that fails, rather than stopping at the first.</summary>
    private static async Task AssertEveryPageAsync(PortalBrowser browser, IEnumerable<string> urls, Action<Page> assert)
    {
        var failures = new List<string>();
        foreach (var url in urls)
        {
            var page = await browser.GetAsync(url, followRedirects: false);
            if (page.Status is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
            {
                failures.Add($"{url}: answered {(int)page.Status}");
                continue;
            }
            try { assert(page); }
            catch (ShouldAssertException e) { failures.Add($"{url}: {e.Message}"); }
        }
        failures.ShouldBeEmpty();
    }
}
