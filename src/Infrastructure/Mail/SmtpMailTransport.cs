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
            await _client.ConnectAsync(options.Host!, options.Port, options.Security, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
                await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
        await _client.SendAsync(message, cancellationToken);
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
