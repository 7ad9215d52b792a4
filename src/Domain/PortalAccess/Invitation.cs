using Portal.Domain.Common;
using Portal.Domain.Mail;

namespace Portal.Domain.PortalAccess;

/// <summary>A one-time link. Only the SHA-256 hash of its token is kept; the token itself lives only in the e-mail.</summary>
public sealed class Invitation
{
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(7);

    private Invitation() { }

    internal Invitation(PortalUser portalUser, string tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        PortalUser = portalUser;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        RemindAt = createdAt + (expiresAt - createdAt) / 2;
    }

    public int Id { get; private set; }
    public int PortalUserId { get; private set; }
    public PortalUser PortalUser { get; private set; } = null!;
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? VoidedAt { get; private set; }
    /// <summary>The outbox message that carries the link, so the back office can show whether it was delivered.</summary>
    public Guid? MailId { get; private set; }
    /// <summary>
    /// Where that mail stands, copied from the outbox in the same transaction as each change of its status, so that the
    /// links whose mail failed are found on an index of the links instead of by a lookup of every link's mail.
    /// </summary>
    public OutboxStatus? MailStatus { get; private set; }
    /// <summary>When an unused link is worth a reminder (half its validity); null for a reminder's own link.</summary>
    public DateTimeOffset? RemindAt { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    /// <summary>When the last reminder before the link ends went out (see <see cref="IsDueForFinalReminder"/>).</summary>
    public DateTimeOffset? FinalRemindedAt { get; private set; }

    public bool IsOpen => UsedAt is null && VoidedAt is null;

    /// <summary>Why this link can't be used now, or null when it can.</summary>
    public DomainError? Problem(DateTimeOffset now) =>
        PortalUser.State == PortalAccessState.Revoked ? DomainErrors.InvitationRevoked
        : StatusAt(now) switch
        {
            InvitationStatus.Used => DomainErrors.InvitationUsed,
            InvitationStatus.Voided => DomainErrors.InvitationVoided,
            InvitationStatus.Expired => DomainErrors.InvitationExpired,
            _ => null,
        };

    /// <summary>Where the link itself stands, whatever became of the access since.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) =>
        UsedAt is not null ? InvitationStatus.Used
        : VoidedAt is not null ? InvitationStatus.Voided
        : now >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Open;

    public void AttachMail(Guid mailId)
    {
        MailId = mailId;
        MailStatus = OutboxStatus.Pending;
    }

    internal void Void(DateTimeOffset now)
    {
        if (IsOpen) VoidedAt = now;
    }

    internal void MarkUsed(DateTimeOffset now) => UsedAt = now;

    /// <summary>A second link with the same end as this one, for a reminder mail; it is not reminded of again.</summary>
    internal Invitation RemindWith(string tokenHash, DateTimeOffset now)
    {
        RemindedAt = now;
        return new Invitation(PortalUser, tokenHash, now, ExpiresAt) { RemindAt = null, RemindedAt = now };
    }

    public bool IsDueForReminder(DateTimeOffset now) =>
        IsOpen && RemindedAt is null && RemindAt is { } due && due <= now && now < ExpiresAt;

    /// <summary>A second link with the same end, for the last reminder; marks this invitation as finally reminded.</summary>
    internal Invitation RemindFinallyWith(string tokenHash, DateTimeOffset now)
    {
        FinalRemindedAt = now;
        return new Invitation(PortalUser, tokenHash, now, ExpiresAt) { RemindAt = null, RemindedAt = now, FinalRemindedAt = now };
    }

    /// <summary>
    /// The last reminder is due <paramref name="before"/> the end of an invitation (not of a reminder's own link) that is
    /// still open. A link younger than that, or reminded less than that ago, gets none: two mails close together would
    /// say the same thing.
    /// </summary>
    public bool IsDueForFinalReminder(DateTimeOffset now, TimeSpan before) =>
        IsOpen && RemindAt is not null && FinalRemindedAt is null && now < ExpiresAt && ExpiresAt - before <= now
        && now - CreatedAt >= before && (RemindedAt is not { } reminded || now - reminded >= before);
}

public enum InvitationStatus
{
    Open,
    Used,
    Voided,
    Expired,
}
