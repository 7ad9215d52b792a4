using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Infrastructure.Mail;

/// <summary>One delivery session: the SMTP variant keeps a single connection open for a whole batch.</summary>
public interface IMailTransport : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class MailTransportFactory(IOptions<MailOptions> options, DataFolder dataFolder, ILoggerFactory loggers)
{
    public IMailTransport Open() => string.IsNullOrWhiteSpace(options.Value.Host)
        ? new PickupFolderTransport(PickupFolder, loggers.CreateLogger<PickupFolderTransport>())
        : new SmtpMailTransport(options.Value);

    public string PickupFolder => options.Value.PickupFolder is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(dataFolder.Path, "mail-pickup");
}

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

/// <summary>Development delivery: every mail becomes an .eml file, and its link is logged so no mail server is needed.</summary>
internal sealed partial class PickupFolderTransport(string folder, ILogger<PickupFolderTransport> logger) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("n")}.eml");
        // Written under another name first, so whoever watches the folder never opens a half-written file.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        var link = FirstLink().Match(message.TextBody ?? "");
        logger.LogInformation("Mail \"{Subject}\" to {To} written to {Path}. Link: {Link}",
            message.Subject, message.To.ToString(), path, link.Success ? link.Value : "(none)");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex FirstLink();
}
