using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Portal.Application.Webhooks;
using Portal.Domain.Webhooks;

namespace Portal.Infrastructure.Webhooks;

/// <summary>Looks up a receiver's addresses; one place, so that what is checked is what is connected to.</summary>
public class WebhookHostResolver
{
    public virtual Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? Task.FromResult(new[] { literal }) : Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>A receiver's address is not public, and private networks are not allowed.</summary>
public sealed class WebhookAddressRefusedException(string host, IPAddress address)
    : HttpRequestException($"The receiver {host} resolves to {address}, which is not a public address; webhooks are not sent there.");

/// <summary>
/// The connections deliveries go over. The name is resolved here, every address it resolves to is checked, and the socket
/// connects to one of exactly those addresses: a name that resolves to a public address when the webhook is saved and to an
/// internal one later (DNS rebinding) is refused at the moment it matters. Redirects are not followed (a receiver could send
/// the request on to an internal address) and no proxy is used (it would connect on the portal's behalf, unchecked).
/// </summary>
public static class WebhookConnections
{
    public static SocketsHttpHandler Handler(WebhookHostResolver resolver, IOptions<WebhookOptions> options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = options.Value.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(resolver, options.Value.AllowPrivateNetworks, context, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(
        WebhookHostResolver resolver, bool allowPrivateNetworks, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await resolver.ResolveAsync(host.Trim('[', ']'), cancellationToken);
        if (addresses.Length == 0) throw new HttpRequestException($"The receiver {host} has no address.");
        if (!allowPrivateNetworks && addresses.FirstOrDefault(a => !WebhookAddress.IsPublic(a)) is { } refused)
            throw new WebhookAddressRefusedException(host, refused);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
