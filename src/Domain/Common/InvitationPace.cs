namespace Portal.Domain.Common;

/// <summary>
/// How often a new invitation may follow the last one. A double click or a storm of requests would otherwise flood the
/// mailbox with links of which only the last one works.
/// </summary>
public static class InvitationPace
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    /// <summary>Refuses with <paramref name="error"/> when the last invitation went out less than a minute ago.</summary>
    public static void Check(DateTimeOffset? lastSentAt, DateTimeOffset now, DomainError error)
    {
        if (lastSentAt is { } sent && now - sent < MinimumInterval) throw new DomainException(error);
    }
}
