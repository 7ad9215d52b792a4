using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Infrastructure.Security;
using Portal.Web.Infrastructure.Sessions;

namespace Portal.UnitTests.Web;

/// <summary>
/// A signed-in browser sends the same session and antiforgery cookies with every page; what they decrypt to is remembered
/// for a minute, in a bounded number of entries, and never in place of the checks each request makes.
/// </summary>
public sealed class DecryptedCookiesTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_remembered_cookie_is_forgotten_once_its_lifetime_has_passed()
    {
        var decrypted = new DecryptedCookies<string, string>(_clock, 10, Lifetime);
        decrypted.Remember("cookie", "ticket");

        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        decrypted.TryGet("cookie", out var known).ShouldBeTrue();
        known.ShouldBe("ticket");

        _clock.Advance(TimeSpan.FromSeconds(1));
        decrypted.TryGet("cookie", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_full_memory_drops_what_has_expired_first_and_never_holds_more_than_its_capacity()
    {
        var decrypted = new DecryptedCookies<string, string>(_clock, 3, Lifetime);
        decrypted.Remember("old", "1");
        _clock.Advance(Lifetime);
        decrypted.Remember("a", "2");
        decrypted.Remember("b", "3");

        decrypted.Remember("c", "4");
        decrypted.Count.ShouldBe(3, "the expired entry made room");
        decrypted.TryGet("a", out _).ShouldBeTrue();

        decrypted.Remember("d", "5");
        decrypted.Count.ShouldBeLessThanOrEqualTo(3);
        decrypted.TryGet("d", out var latest).ShouldBeTrue();
        latest.ShouldBe("5");
    }

    [Fact]
    public void A_session_cookie_is_decrypted_once_and_each_request_gets_a_ticket_of_its_own()
    {
        var format = new CountingTicketFormat();
        var tickets = new RememberedSessionTickets(format, new DecryptedCookies<string, AuthenticationTicket>(_clock, 10, Lifetime));

        var first = tickets.Unprotect("session-cookie")!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("staff-role", "Administrator"));
        var second = tickets.Unprotect("session-cookie")!;

        format.Decrypted.ShouldBe(1);
        second.Principal.FindFirst("staff-role").ShouldBeNull("a claim one request added is not in the next request's ticket");
        second.Principal.Identity!.Name.ShouldBe("ada@example.com");
        second.Properties.IssuedUtc.ShouldBe(first.Properties.IssuedUtc);
    }

    [Fact]
    public void A_cookie_that_does_not_decrypt_is_tried_again_every_time()
    {
        var format = new CountingTicketFormat();
        var tickets = new RememberedSessionTickets(format, new DecryptedCookies<string, AuthenticationTicket>(_clock, 10, Lifetime));

        tickets.Unprotect("forged").ShouldBeNull();
        tickets.Unprotect("forged").ShouldBeNull();

        format.Decrypted.ShouldBe(2);
    }

    [Fact]
    public void A_session_cookie_is_decrypted_again_after_a_minute()
    {
        var format = new CountingTicketFormat();
        var tickets = new RememberedSessionTickets(format, new DecryptedCookies<string, AuthenticationTicket>(_clock, 10, Lifetime));

        tickets.Unprotect("session-cookie");
        _clock.Advance(Lifetime);
        tickets.Unprotect("session-cookie");

        format.Decrypted.ShouldBe(2);
    }

    [Fact]
    public void The_antiforgery_cookie_is_decrypted_once_while_each_page_still_seals_a_new_token()
    {
        var protection = new CountingProtection();
        var provider = RememberingAntiforgery(protection);
        var antiforgery = provider.CreateProtector(AntiforgeryCookieTokens.Purpose);

        // Each request decodes the cookie into an array of its own.
        antiforgery.Unprotect([1, 2, 3]).ShouldBe(new byte[] { 1, 2, 3, 0xFF });
        antiforgery.Unprotect([1, 2, 3]).ShouldBe(new byte[] { 1, 2, 3, 0xFF });
        antiforgery.Protect([7]);
        antiforgery.Protect([7]);

        protection.Unprotected.ShouldBe(1);
        protection.Protected.ShouldBe(2);
    }

    [Fact]
    public void What_other_purposes_decrypt_is_never_remembered()
    {
        var protection = new CountingProtection();
        var provider = RememberingAntiforgery(protection);
        var iban = provider.CreateProtector("Portal.Iban");

        iban.Unprotect([1, 2, 3]);
        iban.Unprotect([1, 2, 3]);

        protection.Unprotected.ShouldBe(2);
    }

    private AntiforgeryCookieTokens RememberingAntiforgery(CountingProtection protection) =>
        new(protection, new DecryptedCookies<byte[], byte[]>(_clock, 10, Lifetime, AntiforgeryCookieTokens.ByContent.Instance));

    private sealed class CountingTicketFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Decrypted { get; private set; }

        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();

        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Decrypted++;
            if (protectedText != "session-cookie") return null;
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada@example.com")], "Cookies");
            return new AuthenticationTicket(new ClaimsPrincipal(identity),
                new AuthenticationProperties { IssuedUtc = new DateTimeOffset(2026, 12, 4, 8, 59, 0, TimeSpan.Zero) }, "Cookies");
        }
    }

    /// <summary>"Decrypts" by appending a byte, and counts.</summary>
    private sealed class CountingProtection : IDataProtectionProvider, IDataProtector
    {
        public int Protected { get; private set; }
        public int Unprotected { get; private set; }

        public IDataProtector CreateProtector(string purpose) => this;

        public byte[] Protect(byte[] plaintext)
        {
            Protected++;
            return [.. plaintext, 0xFF];
        }

        public byte[] Unprotect(byte[] protectedData)
        {
            Unprotected++;
            return [.. protectedData, 0xFF];
        }
    }
}
