using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// How long a session lives (30 minutes idle, 12 hours at most), that each sign-in starts a new one, and the cookie's name.
/// </summary>
public sealed class SessionLifetimeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string SessionCookie = "__Host-portal.session";

    [Fact]
    public async Task A_session_ends_after_30_minutes_without_a_request_and_each_request_keeps_it_alive()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Ida Idle", "ida.idle@example.com");
        using var _1 = customer;

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        (await customer.GetAsync("/my", followRedirects: false)).Status
            .ShouldBe(HttpStatusCode.OK, "40 minutes after sign-in, but only 20 idle");

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await customer.GetAsync("/my", followRedirects: false);
        expired.Status.ShouldBe(HttpStatusCode.Redirect);
        expired.Location!.ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task A_session_ends_12_hours_after_sign_in_however_active_it_was()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Alma Always", "alma.always@example.com");
        using var _1 = customer;

        // A request every 25 minutes: never idle for long, 11 h 40 min in all.
        for (var step = 1; step <= 28; step++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(25));
            (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK, $"after {step * 25} minutes");
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        var ended = await customer.GetAsync("/my", followRedirects: false);
        ended.Status.ShouldBe(HttpStatusCode.Redirect, "12 h 05 min after sign-in");
        ended.Location!.ShouldContain("/account/sign-in");
        (await customer.SignInAsync("alma.always@example.com", Flows.CustomerPassword)).Path
            .ShouldBe("/my", "signing in again starts a new session");
    }

    [Fact]
    public async Task Changing_the_password_keeps_the_session_but_not_beyond_12_hours_after_sign_in()
    {
        const string email = "pavel.prolong@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Pavel Prolong", email);
        using var _1 = customer;
        for (var step = 1; step <= 27; step++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(25));
            (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        }

        var form = await customer.GetAsync("/my/security");
        var changed = await customer.SubmitAsync(form, "Change password", new Dictionary<string, string?>
        {
            ["Password.CurrentPassword"] = Flows.CustomerPassword,
            ["Password.NewPassword"] = "Copper-Willow-Summit-Lake-58",
            ["Password.ConfirmPassword"] = "Copper-Willow-Summit-Lake-58",
        });
        changed.Path.ShouldBe("/my/security", "11 h 15 min after sign-in the session is still valid and is re-issued");

        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect, "12 h 05 min after sign-in");
    }

    [Fact]
    public async Task Every_sign_in_issues_a_new_session_with_an_identifier_of_its_own()
    {
        using var browser = factory.NewBrowser();
        var first = await SignInForCookieAsync(browser);
        var second = await SignInForCookieAsync(browser);
        using var otherDevice = factory.NewBrowser();
        var third = await SignInForCookieAsync(otherDevice);

        second.ShouldNotBe(first, "a sign-in in a browser that already has a session replaces its cookie");
        var ids = new[] { first, second, third }.Select(SessionIdIn).ToList();
        ids.ShouldAllBe(id => !string.IsNullOrEmpty(id));
        ids.Distinct().Count().ShouldBe(3);
        (await browser.GetAsync("/admin", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Outside_Development_the_session_cookie_is_a_Host_prefixed_secure_cookie_for_the_whole_site()
    {
        using var browser = factory.NewBrowser();
        var form = await browser.GetAsync("/account/sign-in");
        var signedIn = await browser.SubmitAsync(form, "Sign in", new Dictionary<string, string?>
        {
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.AdminPassword,
        }, followRedirects: false);

        var cookie = signedIn.Response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        attributes.ShouldContain("secure");
        attributes.ShouldContain("path=/");
        attributes.ShouldNotContain(a => a.StartsWith("domain=", StringComparison.Ordinal));
    }

    private static async Task<string> SignInForCookieAsync(PortalBrowser browser)
    {
        var form = await browser.GetAsync("/account/sign-in");
        var signedIn = await browser.SubmitAsync(form, "Sign in", new Dictionary<string, string?>
        {
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.AdminPassword,
        }, followRedirects: false);
        signedIn.Status.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signedIn.Response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
        return cookie[(SessionCookie.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>Opens the cookie the way the portal does, to read the session identifier inside it.</summary>
    private string? SessionIdIn(string cookieValue)
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);
        AuthenticationTicket ticket = options.TicketDataFormat.Unprotect(cookieValue).ShouldNotBeNull();
        return ticket.Principal.FindFirst(Portal.Web.Infrastructure.Sessions.SessionClaims.SessionId)?.Value;
    }
}
