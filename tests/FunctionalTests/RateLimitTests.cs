using System.Net;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// Per client address, only a few posts a minute to the pages that check passwords, codes and links; then a friendly 429.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]
public sealed class RateLimitTests(LowLimitFactory factory) : IClassFixture<LowLimitFactory>
{
    private const int Limit = LowLimitFactory.Limit;

    // The wrong attempts use unknown addresses: wrong passwords for the administrator would lock the account the tests sign in with.
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_the_friendly_429_page_even_with_the_right_password()
    {
        using var browser = factory.BrowserFrom("203.0.113.10");
        for (var attempt = 1; attempt <= Limit; attempt++)
            (await browser.SignInAsync($"guess.{attempt}@example.com", "Wrong-Guess-Pebble-River-1")).Status.ShouldBe(HttpStatusCode.OK);

        var limited = await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Document.QuerySelector("h1")!.TextContent.ShouldBe("Too many attempts");
        limited.Text.ShouldContain("Please wait a minute, then try again.");
        limited.Response.Headers.RetryAfter.ShouldNotBeNull();
        limited.Response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("object-src 'none'");
        (await browser.GetAsync("/admin", followRedirects: false)).Status
            .ShouldBe(HttpStatusCode.Redirect, "the limited post signed nobody in");
    }

    [Fact]
    public async Task Another_address_is_not_held_back_by_the_first_ones_attempts()
    {
        using var noisy = factory.BrowserFrom("203.0.113.20");
        for (var attempt = 0; attempt <= Limit; attempt++)
            await noisy.SignInAsync($"guess.{attempt}@example.com", "Wrong-Guess-Pebble-River-1");
        (await noisy.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)).Status.ShouldBe(HttpStatusCode.TooManyRequests);

        using var quiet = factory.BrowserFrom("203.0.113.21");
        (await quiet.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)).Path.ShouldBe("/admin");
    }

    [Fact]
    public async Task Showing_the_pages_is_not_limited()
    {
        using var browser = factory.BrowserFrom("203.0.113.30");
        for (var request = 0; request < Limit * 4; request++)
        {
            (await browser.GetAsync("/account/sign-in")).Status.ShouldBe(HttpStatusCode.OK);
            (await browser.GetAsync("/account/forgot-password")).Status.ShouldBe(HttpStatusCode.OK);
            (await browser.GetAsync("/account/reset-password/some-token")).Status.ShouldBe(HttpStatusCode.OK);
            (await browser.GetAsync("/invitation/some-token")).Status.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_signed_in_customers_forms_that_ask_for_the_password_are_limited_too()
    {
        using var admin = factory.BrowserFrom("203.0.113.60");
        (await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)).Path.ShouldBe("/admin");
        var contactId = await admin.CreateContactAsync("Lena Limit", "lena.limit@example.com");
        await admin.GrantAsync(contactId);
        using var customer = factory.BrowserFrom("203.0.113.61");
        (await customer.AcceptInvitationAsync(await factory.LatestInvitationPathAsync("lena.limit@example.com"))).Path.ShouldBe("/my");

        var form = await customer.GetAsync("/my/security/close");
        for (var attempt = 1; attempt <= Limit; attempt++)
        {
            var refused = await customer.SubmitAsync(form,
                fields: new Dictionary<string, string?> { ["Input.CurrentPassword"] = $"Guess-Number-{attempt}-Wrong" },
                buttonSelector: "main form button[type=submit]", followRedirects: false);
            refused.Status.ShouldNotBe(HttpStatusCode.TooManyRequests, $"guess {attempt} of {Limit}");
        }

        var limited = await customer.SubmitAsync(form,
            fields: new Dictionary<string, string?> { ["Input.CurrentPassword"] = "Guess-Number-4-Wrong" },
            buttonSelector: "main form button[type=submit]", followRedirects: false);
        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Theory]
    [InlineData("/account/sign-in", "203.0.113.40")]
    [InlineData("/account/two-factor", "203.0.113.41")]
    [InlineData("/account/forgot-password", "203.0.113.42")]
    [InlineData("/account/reset-password/some-token", "203.0.113.43")]
    [InlineData("/invitation/some-token", "203.0.113.44")]
    [InlineData("/account/confirm-email/some-token", "203.0.113.45")]
    public async Task Posts_to_every_credential_and_link_endpoint_are_limited(string path, string address)
    {
        using var browser = factory.BrowserFrom(address);
        for (var attempt = 1; attempt <= Limit; attempt++)
        {
            using var accepted = await browser.Client.PostAsync(path, new FormUrlEncodedContent([]));
            accepted.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, $"post {attempt} of {Limit}");
            accepted.StatusCode.ShouldNotBe(HttpStatusCode.NotFound, "the endpoint exists");
        }

        using var limited = await browser.Client.PostAsync(path, new FormUrlEncodedContent([]));

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("Too many attempts");
    }

    [Fact]
    public async Task The_rate_limit_warning_names_a_link_page_without_its_token()
    {
        const string token = "rate-limited-token-0123456789abcdefghijklmnopq";
        using var browser = factory.BrowserFrom("203.0.113.46");
        for (var attempt = 0; attempt <= Limit; attempt++)
        {
            using var response = await browser.Client.PostAsync("/invitation/" + token, new FormUrlEncodedContent([]));
        }

        factory.Logs.Lines.ShouldContain(line => line.Message.StartsWith("Rate limit reached for 203.0.113.46 on /invitation/[redacted]",
            StringComparison.Ordinal));
        factory.Logs.Lines.ShouldNotContain(line => line.Everything.Contains(token));
    }

    [Fact]
    public async Task The_429_page_speaks_the_visitors_language()
    {
        using var browser = factory.BrowserFrom("203.0.113.50", language: "de");
        for (var attempt = 0; attempt < Limit; attempt++) await browser.RequestResetAsync("someone@example.com");

        var limited = await browser.RequestResetAsync("someone@example.com");

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Document.QuerySelector("h1")!.TextContent.ShouldBe("Zu viele Versuche");
    }
}
