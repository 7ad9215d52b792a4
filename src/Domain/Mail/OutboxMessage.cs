using Portal.Domain.Common;

namespace Portal.Domain.Mail;

/// <summary>
/// An e-mail written in the same transaction as the change that caused it, and delivered later by the
/// dispatcher: a crash or an SMTP outage loses no mail.
/// </summary>
public sealed class OutboxMessage : ISideEffectRecord
{
    public const int MaxAttempts = 10;

    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string ToName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage Compose(
        string toAddress, string toName, string subject, string textBody, string htmlBody, DateTimeOffset now) =>
        new()
        {
            Id = QueueOrderedIds.Next(now),
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            CreatedAt = now,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
        };

    /// <summary>
    /// Delivered: from now on a one-time link kept here is as good as the one in the recipient's mailbox, so the bodies keep
    /// only what <paramref name="redactSecrets"/> leaves of them, in the same update.
    /// </summary>
    public void MarkSent(DateTimeOffset now, Func<string, string> redactSecrets)
    {
        TextBody = redactSecrets(TextBody);
        HtmlBody = redactSecrets(HtmlBody);
        Status = OutboxStatus.Sent;
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>
    /// Staff ask for another attempt at once, e.g. after fixing the mail server: waiting mail skips its backoff, and failed mail
    /// gets one more attempt (failing again gives up again, since the attempts count on).
    /// </summary>
    public void RetryNow(DateTimeOffset now)
    {
        if (Status == OutboxStatus.Sent) throw new DomainException(DomainErrors.MailAlreadySent);
        Status = OutboxStatus.Pending;
        NextAttemptAt = now;
    }

    /// <summary>The server refused the mail for good (a permanent 5xx answer): retrying would only be refused again.</summary>
    public void MarkRefused(string error, DateTimeOffset now)
    {
        MarkAttemptFailed(error, now, TimeSpan.Zero);
        Status = OutboxStatus.Failed;
    }

    /// <summary>
    /// Backs off exponentially (the n-th failure waits base × 2^(n−1), capped at an hour); gives up after <see cref="MaxAttempts"/>.
    /// </summary>
    public void MarkAttemptFailed(string error, DateTimeOffset now, TimeSpan retryBase)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }
        var delay = TimeSpan.FromTicks(Math.Min(retryBase.Ticks * (1L << Math.Min(Attempts - 1, 20)), TimeSpan.FromHours(1).Ticks));
        NextAttemptAt = now + delay;
    }
}
