using System.Net.Sockets;
using MailKit.Net.Smtp;
using MimeKit;

namespace Portal.Infrastructure.Mail;

internal sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    private readonly SmtpClient _client = new() { Timeout = (int)options.SmtpTimeout.TotalMilliseconds };

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            var socket = await ConnectWithoutNagleAsync(cancellationToken);
            try
            {
                await _client.ConnectAsync(socket, options.Host!, options.Port, options.Security, cancellationToken);
            }
            catch
            {
                // A greeting or TLS handshake that failed leaves the socket with us, not with the client.
                socket.Dispose();
                throw;
            }
            if (!string.IsNullOrEmpty(options.UserName))
                await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
        await _client.SendAsync(message, cancellationToken);
    }

    /// <summary>
    /// MailKit's own socket keeps Nagle's algorithm on. SMTP is a write followed by a wait for the answer, so a small last
    /// write (the end of a message's data) is held until the server's delayed ACK, about 40 ms: a mail per 40 ms on one
    /// connection, whatever the server's speed.
    /// </summary>
    private async Task<Socket> ConnectWithoutNagleAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.SmtpTimeout);
        try
        {
            await socket.ConnectAsync(options.Host!, options.Port, timeout.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"No connection to {options.Host}:{options.Port} within {options.SmtpTimeout}.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try { await _client.DisconnectAsync(quit: true); }
            catch (Exception) { /* the server went away; the connection is gone either way */ }
        }
        _client.Dispose();
    }
}
