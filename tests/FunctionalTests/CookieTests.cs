using System.Net;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// Outside Development (the tests run as "Testing") every cookie the portal sets is <c>__Host-</c>prefixed and Secure, for
/// the whole site and no other host: the antiforgery, TempData and culture cookies as well as the session's.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]
public sealed class CookieTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Outside_Development_the_antiforgery_cookie_is_Host_prefixed_and_secure()
    {
        using var visitor = factory.NewBrowser();

        var form = await visitor.GetAsync("/account/sign-in");

        AssertHostCookie(form.Response, "__Host-portal.antiforgery");
        var signedIn = await visitor.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        signedIn.Path.ShouldBe("/admin", "the form's token pairs with the renamed cookie");
    }

    [Fact]
    public async Task Outside_Development_the_TempData_cookie_is_Host_prefixed_and_secure()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Tilda Tempdata", "tilda.tempdata@example.com");
        using var _1 = customer;

        var signedOut = await customer.SubmitAsync(await customer.GetAsync("/my/security"), "Sign out everywhere",
            followRedirects: false);

        AssertHostCookie(signedOut.Response, "__Host-portal.tempdata");
        (await customer.GetAsync(signedOut.Location!)).Text.ShouldContain("You have been signed out everywhere.");
    }

    [Fact]
    public async Task A_notice_crosses_one_redirect_in_the_TempData_cookie_and_pages_without_one_set_no_TempData_cookie()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Nora Notice", "nora.notice@example.com");
        using var _1 = customer;

        var plain = await customer.GetAsync("/my");
        TempDataCookies(plain.Response).ShouldBeEmpty();

        var saved = await customer.SubmitAsync(await customer.GetAsync("/my/security"), "Sign out everywhere",
            followRedirects: false);
        TempDataCookies(saved.Response).ShouldHaveSingleItem().ShouldNotContain("expires=Thu, 01 Jan 1970");
        var shown = await customer.GetAsync(saved.Location!, followRedirects: false);
        shown.Text.ShouldContain("You have been signed out everywhere.");
        TempDataCookies(shown.Response).ShouldHaveSingleItem().ShouldContain("expires=Thu, 01 Jan 1970", Case.Insensitive,
            "the notice is read, so its cookie is cleared");
        var next = await customer.GetAsync(saved.Location!, followRedirects: false);
        next.Text.ShouldNotContain("You have been signed out everywhere.");
        TempDataCookies(next.Response).ShouldBeEmpty();
    }

    private static List<string> TempDataCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(cookie => cookie.StartsWith("__Host-portal.tempdata=", StringComparison.Ordinal)).ToList()
            : [];

    [Fact]
    public async Task Outside_Development_the_language_cookie_is_Host_prefixed_and_secure_and_chooses_the_language()
    {
        using var visitor = factory.NewBrowser();
        using var chosen = await visitor.Client.GetAsync("/language?culture=de&returnUrl=%2Faccount%2Fsign-in");

        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        AssertHostCookie(chosen, "__Host-portal.culture");
        (await visitor.GetAsync("/account/sign-in")).Text.ShouldContain("Anmelden");
    }

    private static void AssertHostCookie(HttpResponseMessage response, string name)
    {
        response.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeTrue($"no cookie set; expected {name}");
        var cookie = cookies!.SingleOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            .ShouldNotBeNull($"{name} not among {string.Join(" | ", cookies!.Select(c => c.Split('=')[0]))}");
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        attributes.ShouldContain("secure");
        attributes.ShouldContain("path=/");
        attributes.ShouldNotContain(a => a.StartsWith("domain=", StringComparison.Ordinal));
    }
}
