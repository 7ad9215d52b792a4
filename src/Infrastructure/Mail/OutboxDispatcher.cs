using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Application.Common;
using Portal.Domain.Mail;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// Delivers the outbox outside any web request: due mail in claimed batches over one connection, each
/// result stored right after its send so a crash repeats at most the one mail in flight (its Message-Id
/// stays the same, so a receiver sees it as one message).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    MailTransportFactory transports,
    InstanceName instance,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) > 0) { }
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox dispatch failed; retrying on the next poll.");
                await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Sends one batch of due mail; returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var claim = instance.NewClaim();
        var due = await db.ClaimDueAsync(claim, clock.GetUtcNow(), options.Value.ClaimLease, options.Value.BatchSize, cancellationToken);
        if (due.Count == 0) return 0;

        var delivered = 0;
        await using var transport = transports.Open();
        foreach (var message in due)
        {
            try
            {
                await transport.SendAsync(ToMime(message), cancellationToken);
                message.MarkSent(clock.GetUtcNow(), OneTimeLinkRedaction.Redact);
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.MarkAttemptFailed(e.Message, clock.GetUtcNow(), options.Value.RetryBase);
                logger.LogWarning("Mail {MailId} to {To} failed (attempt {Attempt}): {Error}", message.Id, message.ToAddress,
                    message.Attempts, e.Message);
            }
            db.Release(message);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return delivered;
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            MessageId = $"{message.Id:N}@portal",
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        return mime;
    }
}
