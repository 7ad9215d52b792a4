using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Application.Common;
using Portal.Domain.Mail;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.PortalAccess;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// Delivers the outbox outside any web request: due mail in claimed batches over one connection (pipelined where the server
/// offers it), the batch's results stored in one commit after its last send, or at once when a stop cuts the batch short. A
/// stopped instance therefore repeats at most the mail in flight, and a process that dies outright at most its claimed batch
/// (a repeated mail keeps its Message-Id, so a receiver sees it as one message): a commit per mail was most of a mail's time.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    RunningAccessJob runningJob,
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
                do await runningJob.LetFinishAsync(options.Value.LetAccessJobFinishFor, stoppingToken);
                while (await DispatchDueAsync(stoppingToken) > 0);
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
        var due = await OutboxClaim.Queue.ClaimDueAsync(db, claim, clock.GetUtcNow(), options.Value.ClaimLease, options.Value.BatchSize, cancellationToken);
        if (due.Count == 0) return 0;

        var attempted = new List<OutboxMessage>(due.Count);
        try
        {
            await using var transport = transports.Open();
            foreach (var message in due)
            {
                await AttemptAsync(transport, message, cancellationToken);
                attempted.Add(message);
            }
        }
        finally
        {
            // Also when a stop cuts the batch short: the mails already sent are recorded; the rest stay claimed and go again.
            await StoreResultsAsync(db, attempted);
        }
        return attempted.Count(m => m.Status == OutboxStatus.Sent);
    }

    private async Task AttemptAsync(IMailTransport transport, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(ToMime(message), cancellationToken);
            message.MarkSent(clock.GetUtcNow(), OneTimeLinkRedaction.Redact);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (e is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 }) message.MarkRefused(e.Message, clock.GetUtcNow());
            else message.MarkAttemptFailed(e.Message, clock.GetUtcNow(), options.Value.RetryBase);
            logger.LogWarning("Mail {MailId} to {To} failed (attempt {Attempt}): {Error}", message.Id, message.ToAddress,
                message.Attempts, e.Message);
        }
    }

    /// <summary>
    /// One transaction for a batch's results and what they say about the addresses: a refusal marks its contact undeliverable,
    /// a delivery clears the mark (a refusal and a later delivery to the same address in one batch end with the mark cleared,
    /// as they would one by one).
    /// </summary>
    private async Task StoreResultsAsync(PortalDbContext db, IReadOnlyList<OutboxMessage> attempted)
    {
        if (attempted.Count == 0) return;
        foreach (var message in attempted) OutboxClaim.Queue.Release(db, message);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        var now = clock.GetUtcNow();
        foreach (var refused in attempted.Where(m => m.Status == OutboxStatus.Failed))
            await db.MarkUndeliverableAsync(refused, now);
        await db.ClearUndeliverableAsync(attempted.Where(m => m.Status == OutboxStatus.Sent)
            .Select(m => m.ToAddress).ToHashSet(StringComparer.Ordinal));
        await transaction.CommitAsync(CancellationToken.None);
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
