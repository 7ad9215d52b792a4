using System.Net;
using System.Net.Sockets;
using Portal.Domain.Common;

namespace Portal.Domain.Webhooks;

/// <summary>Where a webhook may be sent: whether https is required and whether the portal's own network is off limits.</summary>
public readonly record struct WebhookAddressPolicy(bool RequireHttps, bool AllowPrivateNetworks);

/// <summary>
/// The rules for a webhook's address. A webhook makes the portal send requests on a staff member's behalf; pointed at the
/// portal's own machine, its network or a cloud metadata service, it would reach what the outside can't (server-side request
/// forgery). The address is checked when it is saved, and every address its name resolves to is checked again when a delivery
/// connects (see <see cref="IsPublic"/>), since a name can resolve differently later.
/// </summary>
public static class WebhookAddress
{
    public const int MaxLength = 2000;

    /// <summary>Why <paramref name="url"/> can't be a webhook's address under <paramref name="policy"/>; null when it can.</summary>
    public static DomainError? Problem(string? url, WebhookAddressPolicy policy)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Trim().Length > MaxLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
            return DomainErrors.WebhookUrlInvalid;
        if (policy.RequireHttps && uri.Scheme != "https") return DomainErrors.WebhookUrlNeedsHttps;
        if (!policy.AllowPrivateNetworks && IsLocalName(uri)) return DomainErrors.WebhookUrlPrivate;
        return null;
    }

    /// <summary>localhost (and its subdomains), or an address literal that is not public.</summary>
    private static bool IsLocalName(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && !IsPublic(address);
    }

    /// <summary>
    /// False for loopback, unspecified, link-local (which holds the cloud metadata address 169.254.169.254), private (RFC 1918,
    /// IPv6 unique local), shared (carrier-grade NAT, 100.64.0.0/10), multicast, broadcast and reserved addresses, and for the
    /// IPv4 addresses such ranges hide in an IPv6 form (mapped, NAT64, 6to4).
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicIPv4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicIPv6(address),
            _ => false,
        };
    }

    private static bool IsPublicIPv4(byte[] b) => !(
        b[0] == 0 // "this network", 0.0.0.0 included
        || b[0] == 10
        || b[0] == 127
        || (b[0] == 100 && (b[1] & 0xC0) == 64) // 100.64.0.0/10
        || (b[0] == 169 && b[1] == 254) // link-local, metadata
        || (b[0] == 172 && (b[1] & 0xF0) == 16) // 172.16.0.0/12
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments (192.0.0.0/24)
        || (b[0] == 198 && (b[1] & 0xFE) == 18) // benchmarking (198.18.0.0/15)
        || (b[0] == 168 && b[1] == 63 && b[2] == 129 && b[3] == 16) // Azure's platform (metadata) address
        || b[0] >= 224); // multicast, reserved, broadcast

    private static bool IsPublicIPv6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Loopback)) return false;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal) return false;
        var b = address.GetAddressBytes();
        // NAT64 (64:ff9b::/96) and IPv4-compatible (::/96) addresses carry an IPv4 address in their last four bytes.
        if ((b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
            || b.Take(12).All(x => x == 0))
            return IsPublicIPv4(b[12..]);
        // 6to4 (2002::/16) carries one in bytes 2–5.
        if (b[0] == 0x20 && b[1] == 0x02) return IsPublicIPv4(b[2..6]);
        // Documentation (2001:db8::/32) and discard-only (100::/64) addresses lead nowhere real.
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;
        return !(b[0] == 0x01 && b[1] == 0x00 && b.Skip(2).Take(6).All(x => x == 0));
    }
}
