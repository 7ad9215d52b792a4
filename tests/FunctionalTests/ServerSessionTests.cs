using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.FunctionalTests.Support;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.FunctionalTests;

/// <summary>
/// Sessions live on the server: signing out ends a session for every copy of its cookie, My Account lists the active
/// sessions and ends any of them (never another account's), and what rotates the security stamp ends the rows too.
/// </summary>
public sealed class ServerSessionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Uri Site = new("https://localhost");

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Selma Signout", "selma.signout@example.com");
        using var _1 = customer;
        using var copy = factory.NewBrowser(cookies: CopyOf(customer.Cookies));
        (await copy.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK, "the copied cookie works before");

        var signedOut = await customer.SubmitAsync(await customer.GetAsync("/account/sign-out"), "Sign out");
        signedOut.Path.ShouldBe("/");

        var replayed = await copy.GetAsync("/my", followRedirects: false);
        replayed.Status.ShouldBe(HttpStatusCode.Redirect, "the cookie of a signed-out session is worth nothing");
        replayed.Location!.ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task A_session_cookie_is_decrypted_once_per_visit_yet_a_copy_with_one_character_changed_is_refused()
    {
        factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat.ShouldBeOfType<RememberedSessionTickets>();
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Tamara Tamper", "tamara.tamper@example.com");
        using var _1 = customer;
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);

        var tampered = CopyOf(customer.Cookies);
        var session = tampered.GetCookies(Site).Single(c => c.Name == "__Host-portal.session");
        var middle = session.Value.Length / 2;
        session.Value = session.Value[..middle] + (session.Value[middle] == 'A' ? 'B' : 'A') + session.Value[(middle + 1)..];
        using var forger = factory.NewBrowser(cookies: tampered);

        var forged = await forger.GetAsync("/my", followRedirects: false);
        forged.Status.ShouldBe(HttpStatusCode.Redirect, "a cookie that does not decrypt is nobody's session");
        forged.Location!.ShouldContain("/account/sign-in");
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK, "the real cookie still works");
    }

    [Fact]
    public async Task My_security_lists_the_active_sessions_with_device_address_and_this_device()
    {
        const string email = "lina.list@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Lina List", email);
        using var _1 = customer;
        using var phone = factory.NewBrowser();
        phone.Client.DefaultRequestHeaders.UserAgent.ParseAdd(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1");
        (await phone.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my");

        var security = await customer.GetAsync("/my/security");

        var rows = SessionRows(security);
        rows.Count.ShouldBe(2);
        rows.Count(r => r.TextContent.Contains("This device", StringComparison.Ordinal)).ShouldBe(1);
        rows.ShouldContain(r => r.TextContent.Contains("Safari on iOS", StringComparison.Ordinal));
        rows.ShouldAllBe(r => r.QuerySelector("time") != null);
    }

    [Fact]
    public async Task Ending_a_session_from_the_list_signs_that_device_out()
    {
        const string email = "edda.end@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Edda End", email);
        using var _1 = customer;
        using var laptop = factory.NewBrowser();
        (await laptop.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my");

        var security = await customer.GetAsync("/my/security");
        var other = SessionRows(security).Single(r => !r.TextContent.Contains("This device", StringComparison.Ordinal));
        var otherId = other.QuerySelector("button[name=id]")!.GetAttribute("value");
        var ended = await customer.SubmitAsync(security, buttonSelector: $"button[name=id][value='{otherId}']");

        ended.Path.ShouldBe("/my/security");
        ended.Text.ShouldContain("The session has been ended.");
        SessionRows(ended).Count.ShouldBe(1);
        var gone = await laptop.GetAsync("/my", followRedirects: false);
        gone.Status.ShouldBe(HttpStatusCode.Redirect);
        gone.Location!.ShouldContain("/account/sign-in");
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ending_this_devices_session_from_the_list_signs_it_out()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Theo This", "theo.this@example.com");
        using var _1 = customer;

        var security = await customer.GetAsync("/my/security");
        var mine = SessionRows(security).Single(r => r.TextContent.Contains("This device", StringComparison.Ordinal));
        var ended = await customer.SubmitAsync(security,
            buttonSelector: $"button[name=id][value='{mine.QuerySelector("button[name=id]")!.GetAttribute("value")}']");

        ended.Path.ShouldBe("/account/sign-in");
        (await customer.GetAsync("/my", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Another_accounts_session_cannot_be_ended()
    {
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Otto Other", "otto.other@example.com");
        using var _1 = customer;
        var adminSessions = await factory.WithDbAsync(db => db.Sessions.AsNoTracking()
            .Where(s => s.EndedAt == null && db.InternalUsers.Any(u => u.Id == s.UserAccountId))
            .Select(s => s.Id).ToListAsync());
        adminSessions.ShouldNotBeEmpty();

        var security = await customer.GetAsync("/my/security");
        foreach (var id in adminSessions)
        {
            using var post = await customer.Client.PostAsync("/account/sessions/end", new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["__RequestVerificationToken"] = AntiforgeryToken(security),
                }));
            post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await admin.GetAsync("/admin", followRedirects: false)).Status.ShouldBe(HttpStatusCode.OK);
        (await factory.WithDbAsync(db => db.Sessions.CountAsync(s => adminSessions.Contains(s.Id) && s.EndedAt != null))).ShouldBe(0);
    }

    [Fact]
    public async Task Signing_out_everywhere_and_revoking_access_end_every_session_row()
    {
        const string email = "eve.everywhere@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Eve Everywhere", email);
        using var _1 = customer;
        using var tablet = factory.NewBrowser();
        await tablet.SignInAsync(email, Flows.CustomerPassword);
        (await OpenSessionsAsync(email)).ShouldBe(2);

        await customer.SubmitAsync(await customer.GetAsync("/my/security"), "Sign out everywhere");
        (await OpenSessionsAsync(email)).ShouldBe(0);

        await customer.SignInAsync(email, Flows.CustomerPassword);
        (await OpenSessionsAsync(email)).ShouldBe(1);
        await admin.PressRowButtonAsync(await admin.OpenWizardAsync(contactId), contactId, "Revoke");
        (await OpenSessionsAsync(email)).ShouldBe(0);
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute_not_on_every_request()
    {
        const string email = "lars.lastseen@example.com";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, _) = await factory.ActiveCustomerAsync(admin, "Lars Lastseen", email);
        using var _1 = customer;
        var signedIn = await LastSeenAsync(email);

        factory.Clock.Advance(TimeSpan.FromSeconds(40));
        await customer.GetAsync("/my");
        (await LastSeenAsync(email)).ShouldBe(signedIn);

        factory.Clock.Advance(TimeSpan.FromSeconds(40));
        await customer.GetAsync("/my");
        (await LastSeenAsync(email)).ShouldBe(factory.Clock.GetUtcNow());
    }

    private Task<int> OpenSessionsAsync(string email) => factory.WithDbAsync(db =>
        db.Sessions.CountAsync(s => s.EndedAt == null && db.Users.Any(u => u.Id == s.UserAccountId && u.Login == email)));

    private Task<DateTimeOffset> LastSeenAsync(string email) => factory.WithDbAsync(db =>
        db.Sessions.Where(s => s.EndedAt == null && db.Users.Any(u => u.Id == s.UserAccountId && u.Login == email))
            .Select(s => s.LastSeenAt).SingleAsync());

    private static List<AngleSharp.Dom.IElement> SessionRows(Page page) =>
        page.Document.QuerySelectorAll("section[aria-labelledby=sessions-heading] tbody tr").ToList();

    private static string AntiforgeryToken(Page page) =>
        page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static CookieContainer CopyOf(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(Site))
            copy.Add(Site, new Cookie(cookie.Name, cookie.Value, cookie.Path) { Secure = cookie.Secure, HttpOnly = cookie.HttpOnly });
        return copy;
    }
}
