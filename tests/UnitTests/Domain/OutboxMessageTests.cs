using Portal.Domain.Common;
using Portal.Domain.Mail;

namespace Portal.UnitTests.Domain;

public sealed class OutboxMessageTests
{
    private static readonly TimeSpan RetryBase = TimeSpan.FromSeconds(30);

    private static OutboxMessage Compose() =>
        OutboxMessage.Compose("anna@example.com", "Anna Berg", "Your invitation", "text", "<p>html</p>", Given.Now);

    [Fact]
    public void A_composed_message_is_pending_and_due_now()
    {
        var message = Compose();

        message.Status.ShouldBe(OutboxStatus.Pending);
        message.NextAttemptAt.ShouldBe(Given.Now);
        message.CreatedAt.ShouldBe(Given.Now);
        message.Attempts.ShouldBe(0);
        message.SentAt.ShouldBeNull();
        message.LastError.ShouldBeNull();
        (message.ToAddress, message.ToName, message.Subject, message.TextBody, message.HtmlBody)
            .ShouldBe(("anna@example.com", "Anna Berg", "Your invitation", "text", "<p>html</p>"));
        message.Id.Version.ShouldBe(7);
    }

    [Fact]
    public void Messages_composed_later_get_later_ids()
    {
        var first = Compose();
        var second = OutboxMessage.Compose("b@example.com", "B", "S", "t", "h", Given.Now.AddSeconds(1));

        first.Id.ShouldNotBe(second.Id);
        first.Id.CompareTo(second.Id).ShouldBeLessThan(0);
    }

    [Fact]
    public void Messages_composed_in_the_same_instant_get_ids_in_the_order_they_were_queued()
    {
        var ids = Enumerable.Range(0, 5000).Select(_ => Compose().Id).ToList();

        ids.ShouldBe(ids.Order().ToList(), "EF writes one save's rows in key order");
        ids.Distinct().Count().ShouldBe(ids.Count);
        ids.ShouldAllBe(id => id.Version == 7 && (id.ToByteArray(true)[8] & 0xC0) == 0x80);
    }

    [Fact]
    public void Failed_attempts_back_off_exponentially_from_the_base()
    {
        var message = Compose();
        var expected = new[] { 30, 60, 120, 240, 480 };

        foreach (var seconds in expected)
        {
            var at = Given.Now.AddMinutes(message.Attempts);
            message.MarkAttemptFailed("SMTP 451", at, RetryBase);

            message.Status.ShouldBe(OutboxStatus.Pending);
            message.NextAttemptAt.ShouldBe(at.AddSeconds(seconds));
        }

        message.Attempts.ShouldBe(5);
        message.LastError.ShouldBe("SMTP 451");
    }

    [Fact]
    public void The_backoff_is_capped_at_one_hour()
    {
        var message = Compose();

        for (var i = 0; i < OutboxMessage.MaxAttempts - 1; i++) message.MarkAttemptFailed("down", Given.Now, TimeSpan.FromMinutes(5));

        message.Status.ShouldBe(OutboxStatus.Pending);
        message.NextAttemptAt.ShouldBe(Given.Now.AddHours(1));
    }

    [Fact]
    public void The_message_fails_for_good_after_MaxAttempts()
    {
        var message = Compose();

        for (var i = 1; i < OutboxMessage.MaxAttempts; i++) message.MarkAttemptFailed($"attempt {i}", Given.Now, RetryBase);
        message.Status.ShouldBe(OutboxStatus.Pending);

        message.MarkAttemptFailed("final error", Given.Now, RetryBase);

        message.Status.ShouldBe(OutboxStatus.Failed);
        message.Attempts.ShouldBe(OutboxMessage.MaxAttempts);
        message.LastError.ShouldBe("final error");
        OutboxMessage.MaxAttempts.ShouldBe(10);
    }

    [Fact]
    public void A_long_error_is_cut_to_2000_characters()
    {
        var message = Compose();

        message.MarkAttemptFailed(new string('e', 5000), Given.Now, RetryBase);

        message.LastError!.Length.ShouldBe(2000);
    }

    [Fact]
    public void Marking_sent_records_when_counts_the_attempt_and_clears_the_error()
    {
        var message = Compose();
        message.MarkAttemptFailed("temporary", Given.Now, RetryBase);

        message.MarkSent(Given.Now.AddMinutes(1), body => body);

        message.Status.ShouldBe(OutboxStatus.Sent);
        message.SentAt.ShouldBe(Given.Now.AddMinutes(1));
        message.Attempts.ShouldBe(2);
        message.LastError.ShouldBeNull();
    }

    [Fact]
    public void Retry_now_makes_waiting_mail_due_at_once()
    {
        var message = Compose();
        message.MarkAttemptFailed("SMTP 451", Given.Now, RetryBase);

        message.RetryNow(Given.Now.AddSeconds(5));

        message.Status.ShouldBe(OutboxStatus.Pending);
        message.NextAttemptAt.ShouldBe(Given.Now.AddSeconds(5));
        message.Attempts.ShouldBe(1);
    }

    [Fact]
    public void Retry_now_gives_failed_mail_one_more_attempt()
    {
        var message = Compose();
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++) message.MarkAttemptFailed("down", Given.Now, RetryBase);
        message.Status.ShouldBe(OutboxStatus.Failed);

        message.RetryNow(Given.Now.AddHours(2));

        message.Status.ShouldBe(OutboxStatus.Pending);
        message.NextAttemptAt.ShouldBe(Given.Now.AddHours(2));
        message.MarkAttemptFailed("still down", Given.Now.AddHours(2), RetryBase);
        message.Status.ShouldBe(OutboxStatus.Failed);
    }

    [Fact]
    public void Sent_mail_cannot_be_retried()
    {
        var message = Compose();
        message.MarkSent(Given.Now, body => body);

        Should.Throw<DomainException>(() => message.RetryNow(Given.Now)).Error.ShouldBe(DomainErrors.MailAlreadySent);
        message.Status.ShouldBe(OutboxStatus.Sent);
    }

    [Fact]
    public void A_mail_the_server_refuses_for_good_fails_at_once_with_the_servers_answer()
    {
        var message = Compose();

        message.MarkRefused("5.1.1 Mailbox unavailable", Given.Now);

        (message.Status, message.Attempts, message.LastError).ShouldBe((OutboxStatus.Failed, 1, "5.1.1 Mailbox unavailable"));
        message.SentAt.ShouldBeNull();
    }
}
