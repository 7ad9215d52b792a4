using MimeKit;

namespace Portal.Infrastructure.Mail;

/// <summary>One delivery session: the SMTP variant keeps a single connection open for a whole batch.</summary>
public interface IMailTransport : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
