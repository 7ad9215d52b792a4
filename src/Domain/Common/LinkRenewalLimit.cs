namespace Portal.Domain.Common;

/// <summary>
/// How often a customer may ask for a new link from an old one (an expired invitation, an expired reset link). The page
/// that offers it needs no account, so without a limit anyone holding an old link could fill the mailbox on file.
/// </summary>
public static class LinkRenewalLimit
{
    public const int MaxPerDay = 3;
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>
    /// Refuses with <paramref name="error"/> when <see cref="MaxPerDay"/> new links were asked for in the last day, or the
    /// last link went out less than <see cref="InvitationPace.MinimumInterval"/> ago.
    /// </summary>
    public static void Check(IEnumerable<DateTimeOffset> renewedAt, DateTimeOffset? lastIssuedAt, DateTimeOffset now, DomainError error)
    {
        if (renewedAt.Count(at => now - at < Window) >= MaxPerDay) throw new DomainException(error);
        InvitationPace.Check(lastIssuedAt, now, error);
    }
}
