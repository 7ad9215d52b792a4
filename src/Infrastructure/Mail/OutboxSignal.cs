namespace Portal.Infrastructure.Mail;

/// <summary>Wakes the dispatcher as soon as a command has committed mail, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal : WakeUpSignal
{
    public void MailQueued() => Wake();
}
