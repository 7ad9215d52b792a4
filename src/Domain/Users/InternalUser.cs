using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Contacts;

namespace Portal.Domain.Users;

/// <summary>
/// A back-office user (staff). Never a portal user: its login blocks the same e-mail for portal access.
/// Invited by an administrator with a one-time link; a role decides what it may do; deactivating it ends
/// every session at once. The last active administrator can be neither demoted nor deactivated.
/// </summary>
public sealed class InternalUser : UserAccount
{
    public const int DisplayNameMaxLength = 200;
    public const string DefaultLanguage = "en";
    public static readonly IReadOnlyList<string> Languages = ["en", "de"];

    private InternalUser() => Kind = UserKind.Internal;

    public string DisplayName { get; private set; } = "";
    public StaffRole Role { get; private set; } = StaffRole.Administrator;
    public DateTimeOffset? InvitedAt { get; private set; }
    public DateTimeOffset? JoinedAt { get; private set; }
    public DateTimeOffset? DeactivatedAt { get; private set; }
    /// <summary>
    /// The colleague's language: their mails are written in it, and the back office speaks it unless they switch. Null until one
    /// is chosen (colleagues from before it was asked for, the first administrator): their mails are English, as they always were,
    /// and the back office follows their browser, as it always did.
    /// </summary>
    public string? Language { get; private set; }

    /// <summary>The language of this colleague's mails.</summary>
    public string MailLanguage => Language ?? DefaultLanguage;

    /// <summary>
    /// The colleague asked for the daily digest of invitations that need attention. Only those who may act on it (re-invite) get
    /// it, and only while they can sign in: <see cref="ReceivesDailyDigest"/>.
    /// </summary>
    public bool DailyDigest { get; private set; }

    /// <summary>Whether this colleague's role lets them act on the digest, and so ask for it.</summary>
    public bool MayReceiveDailyDigest => Role.Allows(StaffPermission.ManagePortalAccess);

    public bool ReceivesDailyDigest => DailyDigest && MayReceiveDailyDigest && Status == StaffStatus.Active;

    public static bool IsLanguage(string? language) => language is not null && Languages.Contains(language);

    public StaffStatus Status => DeactivatedAt is not null ? StaffStatus.Deactivated
        : PasswordHash is null ? StaffStatus.Invited
        : StaffStatus.Active;

    /// <summary>Counts for "is there another administrator left?": an administrator who can sign in now.</summary>
    public bool IsActiveAdministrator => Role == StaffRole.Administrator && Status == StaffStatus.Active;

    public override bool CanSignIn => PasswordHash is not null && DeactivatedAt is null;

    /// <summary>The first administrator, created at setup with a password of its own.</summary>
    public static InternalUser Create(string email, string displayName, StaffRole role = StaffRole.Administrator) => new()
    {
        Login = EmailAddress.Normalize(email),
        DisplayName = displayName.Trim(),
        Role = role,
    };

    /// <summary>
    /// Invites a colleague: an account without password and a one-time link to set one. Refused when the
    /// e-mail is not valid or already someone's login (staff or customer).
    /// </summary>
    public static (InternalUser User, AccountToken Link) Invite(string email, string displayName, StaffRole role, bool loginTaken,
        IssuedToken link, DateTimeOffset now, TimeSpan validity, string invitedBy, string? language = null)
    {
        if (!EmailAddress.IsValid(email)) throw new DomainException(DomainErrors.StaffEmailInvalid);
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > DisplayNameMaxLength)
            throw new DomainException(DomainErrors.StaffNameInvalid);
        if (loginTaken) throw new DomainException(DomainErrors.EmailUsedByAnotherUser);
        if (!Enum.IsDefined(role)) throw new DomainException(DomainErrors.StaffRoleInvalid);
        if (language is not null && !IsLanguage(language)) throw new DomainException(DomainErrors.PageLanguageInvalid);
        var user = Create(email, displayName, role);
        user.InvitedAt = now;
        user.Language = language;
        var token = user.IssueInvitationLink(link, now, validity, invitedBy);
        user.Record(ActivityKind.StaffInvited, now, invitedBy, StaffChangeDetail.Role(role));
        return (user, token);
    }

    /// <summary>
    /// A new link for a colleague who has not used the first one, in their language; older links stop working. Refused while the
    /// last one is less than a minute old.
    /// </summary>
    public AccountToken ReInvite(IssuedToken link, DateTimeOffset now, TimeSpan validity, string invitedBy)
    {
        if (Status != StaffStatus.Invited) throw new DomainException(DomainErrors.StaffAlreadyJoined);
        InvitationPace.Check(InvitedAt, now, DomainErrors.StaffInvitationJustSent);
        InvitedAt = now;
        var token = IssueInvitationLink(link, now, validity, invitedBy);
        Record(ActivityKind.StaffReInvited, now, invitedBy, null);
        return token;
    }

    private AccountToken IssueInvitationLink(IssuedToken link, DateTimeOffset now, TimeSpan validity, string invitedBy)
    {
        var token = IssueToken(AccountTokenPurpose.StaffInvitation, link.Hash, now, validity, null);
        Raise(new StaffInvitationIssued(this, link.Token, token.ExpiresAt, invitedBy, MailLanguage));
        return token;
    }

    /// <summary>The colleague chooses the language of their mails and of the back office. Returns false when it already was.</summary>
    public bool ChangeLanguage(string language)
    {
        if (!IsLanguage(language)) throw new DomainException(DomainErrors.PageLanguageInvalid);
        if (language == Language) return false;
        Language = language;
        return true;
    }

    /// <summary>
    /// The colleague asks for the daily digest, or no longer wants it. Asking is refused to a role that can't re-invite; stopping
    /// it never is. Returns false when nothing changed.
    /// </summary>
    public bool ChooseDailyDigest(bool receive)
    {
        if (receive && !MayReceiveDailyDigest) throw new DomainException(DomainErrors.DailyDigestNotForRole);
        if (receive == DailyDigest) return false;
        DailyDigest = receive;
        Touch();
        return true;
    }

    /// <summary>Why this invitation link can't be used now, or null when it can.</summary>
    public DomainError? InvitationProblem(string tokenHash, DateTimeOffset now) =>
        Tokens.SingleOrDefault(t => t.Purpose == AccountTokenPurpose.StaffInvitation && t.TokenHash == tokenHash) is { } link
        && link.IsUsable(now) && Status == StaffStatus.Invited
            ? null
            : DomainErrors.LinkInvalid;

    /// <summary>Consumes the invitation link and sets the password: the colleague can sign in.</summary>
    public void AcceptInvitation(string tokenHash, string passwordHash, DateTimeOffset now)
    {
        if (InvitationProblem(tokenHash, now) is { } problem) throw new DomainException(problem);
        UsableToken(AccountTokenPurpose.StaffInvitation, tokenHash, now).MarkUsed(now);
        PasswordHash = passwordHash;
        JoinedAt = now;
        RotateSecurityStamp();
        Record(ActivityKind.StaffJoined, now, Login, null);
    }

    /// <summary>
    /// Changes what this colleague may do; it applies from their next request. Called through <see cref="StaffRoster"/>,
    /// which keeps an administrator in the back office.
    /// </summary>
    internal void ChangeRole(StaffRole role, DateTimeOffset now, string changedBy)
    {
        if (!Enum.IsDefined(role)) throw new DomainException(DomainErrors.StaffRoleInvalid);
        if (role == Role) throw new DomainException(DomainErrors.StaffRoleUnchanged);
        var from = Role;
        Role = role;
        // A role that can't re-invite has nothing to do with the digest; promoted again, the colleague asks for it anew.
        if (!MayReceiveDailyDigest) DailyDigest = false;
        Record(ActivityKind.StaffRoleChanged, now, changedBy, StaffChangeDetail.RoleChange(from, role));
    }

    /// <summary>
    /// Ends every session at once and blocks sign-in; open links stop working. Nothing is deleted. Called through
    /// <see cref="StaffRoster"/>, which keeps an administrator in the back office.
    /// </summary>
    internal void Deactivate(bool byThemselves, DateTimeOffset now, string deactivatedBy)
    {
        if (DeactivatedAt is not null) throw new DomainException(DomainErrors.StaffAlreadyDeactivated);
        if (byThemselves) throw new DomainException(DomainErrors.StaffCannotDeactivateThemselves);
        DeactivatedAt = now;
        VoidOpenLinks(now);
        RotateSecurityStamp();
        Record(ActivityKind.StaffDeactivated, now, deactivatedBy, null);
    }

    /// <summary>Lets a deactivated colleague sign in again with their password (or, if they never joined, after a re-invite).</summary>
    public void Reactivate(DateTimeOffset now, string reactivatedBy)
    {
        if (DeactivatedAt is null) throw new DomainException(DomainErrors.StaffNotDeactivated);
        DeactivatedAt = null;
        RotateSecurityStamp();
        Record(ActivityKind.StaffReactivated, now, reactivatedBy, null);
    }

    /// <summary>
    /// Marks this administrator as counted by another administrator's demotion or deactivation. Bumping the
    /// version makes two such moves at the same moment clash, so they can't both leave the other as the "last" one.
    /// </summary>
    internal void CountAsRemainingAdministrator() => Touch();

    /// <summary>Sets a new password; every existing session of this user ends.</summary>
    public void SetPassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        JoinedAt ??= InvitedAt;
        RotateSecurityStamp();
        Touch();
    }

    /// <summary>A password generated at setup and printed once: whoever signs in with it must replace it first.</summary>
    public void SetGeneratedPassword(string passwordHash)
    {
        SetPassword(passwordHash);
        MustChangePassword = true;
    }

    private void Record(ActivityKind kind, DateTimeOffset now, string actor, string? detail)
    {
        Raise(new StaffChanged(Id, Login, kind, actor, now, detail, this));
        Touch();
    }
}
