using Microsoft.AspNetCore.Authentication;
using Portal.Web.Infrastructure.Security;

namespace Portal.Web.Infrastructure.Sessions;

/// <summary>
/// The session cookie's format, remembering what each cookie decrypted to (<see cref="DecryptedCookies{TKey,TValue}"/>).
/// Every request gets a copy of its own: the session check replaces the claims it reads fresh from the database.
/// </summary>
public sealed class RememberedSessionTickets(
    ISecureDataFormat<AuthenticationTicket> format,
    DecryptedCookies<string, AuthenticationTicket> decrypted) : ISecureDataFormat<AuthenticationTicket>
{
    public string Protect(AuthenticationTicket data) => format.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => format.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // A purpose (a TLS token binding) makes the same text decrypt differently: those are not remembered.
        if (protectedText is null || purpose is not null) return format.Unprotect(protectedText, purpose);
        if (decrypted.TryGet(protectedText, out var known)) return known.Clone();
        var ticket = format.Unprotect(protectedText);
        if (ticket is not null) decrypted.Remember(protectedText, ticket.Clone());
        return ticket;
    }
}
