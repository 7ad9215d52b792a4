using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.Payments;
using Portal.Domain.Users;

namespace Portal.Domain.PortalAccess;

/// <summary>
/// A contact's portal identity. Legal moves: grant → Invited; accept → Active; re-invite keeps the state
/// and voids older links; revoke → Revoked (links void, password cleared, every session ends); grant
/// again after revoke → Invited, same user, history kept.
/// </summary>
public sealed class PortalUser : UserAccount
{
    private readonly List<Invitation> _invitations = [];
    private readonly List<PortalAccessEvent> _history = [];

    private PortalUser() => Kind = UserKind.Portal;

    public int ContactId { get; private set; }
    public Contact Contact { get; private set; } = null!;
    public PortalAccessState State { get; private set; }
    /// <summary>Manages the access of the colleagues in the contact's company (<see cref="Contact.MakeCompanyAdministrator"/>).</summary>
    public bool IsCompanyAdministrator { get; private set; }
    /// <summary>Which kinds of the company's documents this user sees; their own contact's documents they always see.</summary>
    public DocumentKindSet CompanyDocumentKinds { get; private set; } = DocumentKindSet.All;
    /// <summary>When the current access was granted (the latest grant); null for users from before it was kept.</summary>
    public DateTimeOffset? GrantedAt { get; private set; }
    /// <summary>When the invitation of the current grant was accepted; null until it is (a grant again starts over).</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }
    /// <summary>From <see cref="GrantedAt"/> to <see cref="AcceptedAt"/>, kept so that both databases can sort by it.</summary>
    public TimeSpan? TimeToAccept { get; private set; }
    /// <summary>
    /// When a link of the current grant first reached the mail server; null until one does (a grant again starts over). Kept
    /// with the outbox's status in the same transaction, so that the dashboard counts it on an index of the portal users.
    /// </summary>
    public DateTimeOffset? InvitationDeliveredAt { get; private set; }
    public IReadOnlyCollection<Invitation> Invitations => _invitations.AsReadOnly();
    public IReadOnlyCollection<PortalAccessEvent> History => _history.AsReadOnly();

    public override bool CanSignIn => State == PortalAccessState.Active && PasswordHash is not null;

    internal static PortalUser Invite(Contact contact, string login, DateTimeOffset now, ActivityActor grantedBy)
    {
        var user = new PortalUser { Contact = contact, Login = login, State = PortalAccessState.Invited, GrantedAt = now };
        user.Record(PortalAccessEventKind.Granted, now, grantedBy);
        return user;
    }

    internal void GrantAgain(string login, DateTimeOffset now, ActivityActor grantedBy)
    {
        if (State != PortalAccessState.Revoked) throw new DomainException(DomainErrors.AccessAlreadyGranted);
        Login = login;
        State = PortalAccessState.Invited;
        GrantedAt = now;
        AcceptedAt = null;
        TimeToAccept = null;
        InvitationDeliveredAt = null;
        Record(PortalAccessEventKind.Granted, now, grantedBy);
    }

    internal Invitation ReInvite(
        string login,
        IssuedToken link,
        DateTimeOffset now,
        TimeSpan validity,
        ActivityActor invitedBy,
        string? welcomeMessage)
    {
        if (State is not (PortalAccessState.Invited or PortalAccessState.Active))
            throw new DomainException(DomainErrors.AccessNotGranted);
        InvitationPace.Check(
            _invitations.Where(i => i.IsOpen).Max(i => (DateTimeOffset?)i.CreatedAt), now, DomainErrors.InvitationJustSent);
        // An accepted login only changes through a confirmed e-mail change, never by a re-invite.
        if (State == PortalAccessState.Invited) Login = login;
        Record(PortalAccessEventKind.ReInvited, now, invitedBy);
        return IssueInvitation(link, now, validity, invitedBy.Name, welcomeMessage);
    }

    /// <summary>
    /// The customer holds a link that expired or was replaced and asks for a new one: a re-invite they make for themselves,
    /// to the address on file (the contact's e-mail), never to one they name. Refused for any other link, a revoked access,
    /// or once <see cref="LinkRenewalLimit"/> new links were asked for in a day; the refusal is the same in every case.
    /// The mail is sent in the name of whoever last invited them.
    /// </summary>
    public Invitation RenewInvitation(string oldTokenHash, IssuedToken link, DateTimeOffset now, TimeSpan validity)
    {
        var old = _invitations.SingleOrDefault(i => i.TokenHash == oldTokenHash);
        if (old is null || State is not (PortalAccessState.Invited or PortalAccessState.Active)
            || old.StatusAt(now) is not (InvitationStatus.Expired or InvitationStatus.Voided))
            throw new DomainException(DomainErrors.NewLinkNotAvailable);
        LinkRenewalLimit.Check(
            _history.Where(e => e.Kind == PortalAccessEventKind.NewLinkRequested).Select(e => e.OccurredAt),
            _invitations.Max(i => (DateTimeOffset?)i.CreatedAt),
            now,
            DomainErrors.NewLinkNotAvailable);
        var invitedBy = _history.Where(e => e.Kind is PortalAccessEventKind.Granted or PortalAccessEventKind.ReInvited)
            .MaxBy(e => e.OccurredAt)?.Actor ?? Login;
        Record(PortalAccessEventKind.NewLinkRequested, now, ActivityActor.Customer(Login));
        return IssueInvitation(link, now, validity, invitedBy, welcomeMessage: null);
    }

    /// <summary>A new link; older ones stop working. For an active user it sets a new password rather than accepting.</summary>
    internal Invitation IssueInvitation(IssuedToken link, DateTimeOffset now, TimeSpan validity, string issuedBy, string? welcomeMessage)
    {
        VoidOpenInvitations(now);
        var invitation = new Invitation(this, link.Hash, now, now + validity);
        _invitations.Add(invitation);
        Raise(new InvitationIssued(this, invitation, link.Token, issuedBy, welcomeMessage,
            SetsNewPassword: State == PortalAccessState.Active));
        return invitation;
    }

    /// <summary>
    /// Consumes the link and sets the password. Works for an invited user and, after a re-invite, for an active one.
    /// Returns whether the link may also sign the user in: only the first acceptance may. An active user's link works
    /// like a password reset — it proves the mailbox, not the second factor — so they sign in afterwards, second factor
    /// included; their open reset and e-mail change links stop working, a lockout ends, and they get a notice.
    /// </summary>
    public bool AcceptInvitation(string tokenHash, string passwordHash, DateTimeOffset now)
    {
        var invitation = _invitations.SingleOrDefault(i => i.TokenHash == tokenHash)
            ?? throw new DomainException(DomainErrors.InvitationUnknown);
        if (invitation.Problem(now) is { } problem) throw new DomainException(problem);
        var setsNewPassword = State == PortalAccessState.Active;

        invitation.MarkUsed(now);
        // A reminder leaves two links open; once one is used, the other must not set a password later.
        VoidOpenInvitations(now);
        PasswordHash = passwordHash;
        State = PortalAccessState.Active;
        RotateSecurityStamp();
        Record(PortalAccessEventKind.Accepted, now, Login);
        if (!setsNewPassword)
        {
            AcceptedAt = now;
            TimeToAccept = GrantedAt is { } granted ? now - granted : null;
            return true;
        }

        VoidOpenLinks(now);
        EndLockout();
        Raise(new PasswordSetThroughInvitation(this));
        return false;
    }

    /// <summary>
    /// A reminder for an invitation not yet accepted: a second link that ends when the first one does (the first
    /// keeps working, so the older mail still does too). Each invitation is reminded of once.
    /// </summary>
    public Invitation RemindOfInvitation(IssuedToken link, DateTimeOffset now)
    {
        if (State != PortalAccessState.Invited) throw new DomainException(DomainErrors.AccessNotGranted);
        var due = _invitations.FirstOrDefault(i => i.IsDueForReminder(now))
            ?? throw new DomainException(DomainErrors.InvitationNotDueForReminder);
        var reminder = due.RemindWith(link.Hash, now);
        _invitations.Add(reminder);
        Touch();
        Raise(new InvitationReminderIssued(this, reminder, link.Token));
        return reminder;
    }

    /// <summary>
    /// The last reminder, <paramref name="before"/> the invitation ends: one more link with the same end. Each invitation
    /// gets it once (<see cref="Invitation.IsDueForFinalReminder"/>).
    /// </summary>
    public Invitation RemindFinallyOfInvitation(IssuedToken link, DateTimeOffset now, TimeSpan before)
    {
        if (State != PortalAccessState.Invited) throw new DomainException(DomainErrors.AccessNotGranted);
        var due = _invitations.FirstOrDefault(i => i.IsDueForFinalReminder(now, before))
            ?? throw new DomainException(DomainErrors.InvitationNotDueForReminder);
        var reminder = due.RemindFinallyWith(link.Hash, now);
        _invitations.Add(reminder);
        Touch();
        Raise(new InvitationReminderIssued(this, reminder, link.Token));
        return reminder;
    }

    internal void Revoke(DateTimeOffset now, ActivityActor revokedBy)
    {
        if (State is not (PortalAccessState.Invited or PortalAccessState.Active))
            throw new DomainException(DomainErrors.AccessNotGranted);
        VoidOpenInvitations(now);
        ClearCredentials(now);
        State = PortalAccessState.Revoked;
        // A later grant starts as an ordinary colleague: the role is given on purpose, never inherited from the past.
        IsCompanyAdministrator = false;
        Record(PortalAccessEventKind.Revoked, now, revokedBy);
    }

    internal void ChangeCompanyAdministrator(bool isAdministrator, DateTimeOffset now, ActivityActor changedBy)
    {
        if (IsCompanyAdministrator == isAdministrator) return;
        IsCompanyAdministrator = isAdministrator;
        Record(isAdministrator ? PortalAccessEventKind.MadeCompanyAdministrator : PortalAccessEventKind.CompanyAdministratorEnded,
            now, changedBy);
    }

    /// <summary>Which kinds of the company's documents this user sees from now on; the same choice again changes nothing.</summary>
    internal void ChangeCompanyDocumentKinds(DocumentKindSet kinds, DateTimeOffset now, ActivityActor changedBy)
    {
        if (State is not (PortalAccessState.Invited or PortalAccessState.Active))
            throw new DomainException(DomainErrors.AccessNotGranted);
        if (CompanyDocumentKinds == kinds) return;
        CompanyDocumentKinds = kinds;
        Record(PortalAccessEventKind.CompanyDocumentKindsChanged, now, changedBy, kinds.ToString());
    }

    /// <summary>
    /// Starts a change of the e-mail address, which is also the login: a link for <paramref name="newEmail"/> that
    /// changes both once it is opened and confirmed. Until then nothing changes; a newer request voids older links.
    /// <paramref name="reportLink"/> goes to the current address with the notice, valid as long: its holder can cancel
    /// the change (<see cref="ReportEmailChange"/>).
    /// </summary>
    public AccountToken RequestEmailChange(
        string newEmail,
        EmailOwner owner,
        IssuedToken link,
        IssuedToken reportLink,
        DateTimeOffset now,
        TimeSpan validity,
        string requestedBy)
    {
        if (State != PortalAccessState.Active) throw new DomainException(DomainErrors.EmailChangeNeedsActiveAccess);
        if (NewLoginProblem(newEmail, owner) is { } problem) throw new DomainException(problem);
        var token = IssueToken(AccountTokenPurpose.EmailChange, link.Hash, now, validity, newEmail.Trim());
        IssueToken(AccountTokenPurpose.EmailChangeReport, reportLink.Hash, now, validity, token.NewEmail);
        Record(PortalAccessEventKind.EmailChangeRequested, now, requestedBy);
        Raise(new EmailChangeRequested(this, link.Token, token.NewEmail!, token.ExpiresAt, reportLink.Token));
        return token;
    }

    /// <summary>The change waiting for the customer's confirmation from the new address, or null.</summary>
    public AccountToken? PendingEmailChange(DateTimeOffset now) =>
        Tokens.Where(t => t.Purpose == AccountTokenPurpose.EmailChange && t.IsUsable(now)).MaxBy(t => t.CreatedAt);

    /// <summary>
    /// The back office or the customer withdraws the pending change: its confirmation link and the old address's report
    /// link stop working.
    /// </summary>
    public void CancelEmailChange(DateTimeOffset now, string cancelledBy)
    {
        if (PendingEmailChange(now) is null) throw new DomainException(DomainErrors.NoEmailChangePending);
        VoidOpenLinks(now, AccountTokenPurpose.EmailChange);
        VoidOpenLinks(now, AccountTokenPurpose.EmailChangeReport);
        Record(PortalAccessEventKind.EmailChangeCancelled, now, cancelledBy);
    }

    /// <summary>The report link with this hash while it still works, or null.</summary>
    public AccountToken? UsableEmailChangeReport(string tokenHash, DateTimeOffset now) =>
        State == PortalAccessState.Active
            ? Tokens.SingleOrDefault(t =>
                t.Purpose == AccountTokenPurpose.EmailChangeReport && t.TokenHash == tokenHash && t.IsUsable(now))
            : null;

    /// <summary>
    /// The holder of the old address says the change was not theirs: the change is cancelled (its confirmation link
    /// stops working), the back office sees the report in the activity, the customer in their security activity.
    /// </summary>
    public void ReportEmailChange(string tokenHash, DateTimeOffset now)
    {
        var report = UsableEmailChangeReport(tokenHash, now) ?? throw new DomainException(DomainErrors.LinkInvalid);
        report.MarkUsed(now);
        VoidOpenLinks(now, AccountTokenPurpose.EmailChange);
        Record(PortalAccessEventKind.EmailChangeReported, now, Login);
        Raise(new EmailChangeReported(this));
    }

    /// <summary>The e-mail change link with this hash, used or not; null when it is not one of this user's.</summary>
    public AccountToken? EmailChangeLink(string tokenHash) =>
        Tokens.SingleOrDefault(t => t.Purpose == AccountTokenPurpose.EmailChange && t.TokenHash == tokenHash);

    /// <summary>
    /// Why the link can't be confirmed now, or null when it can. <paramref name="owner"/> is whose login the new
    /// address is at this moment: someone may have taken it since the change was requested.
    /// </summary>
    public DomainError? EmailChangeProblem(string tokenHash, EmailOwner owner, DateTimeOffset now) =>
        EmailChangeLink(tokenHash) is not { } link || !link.IsUsable(now) || State != PortalAccessState.Active
            ? DomainErrors.LinkInvalid
            : NewLoginProblem(link.NewEmail, owner);

    /// <summary>
    /// Consumes the link: its address becomes the login (the contact, through which this is called, takes it as its
    /// e-mail). Reset links that went to the old address stop working, and the stamp rotates so that every session signs
    /// in again under the new login. Returns the new address as the customer typed it.
    /// </summary>
    internal string ConfirmEmailChange(string tokenHash, EmailOwner owner, DateTimeOffset now)
    {
        if (EmailChangeProblem(tokenHash, owner, now) is { } problem) throw new DomainException(problem);
        var link = UsableToken(AccountTokenPurpose.EmailChange, tokenHash, now);
        link.MarkUsed(now);
        VoidOpenLinks(now, AccountTokenPurpose.PasswordReset);
        // The old address's report link has nothing left to cancel; the notice of the change replaces it.
        VoidOpenLinks(now, AccountTokenPurpose.EmailChangeReport);
        var oldLogin = Login;
        Login = EmailAddress.Normalize(link.NewEmail!);
        RotateSecurityStamp();
        Record(PortalAccessEventKind.EmailChanged, now, Login);
        Raise(new EmailChanged(this, oldLogin));
        return link.NewEmail!;
    }

    /// <summary>Notes a change to this customer's bank accounts on the account, for its security activity and notice.</summary>
    public void NoteBankAccountChange(PaymentMethodChanged change)
    {
        if (change.ContactId != ContactId) throw new ArgumentException("The bank account is not this customer's.", nameof(change));
        Raise(new BankAccountChanged(this, change.Kind, change.MaskedIban));
    }

    /// <summary>The customer closed the account themselves; the contact revokes the access with them as the actor.</summary>
    internal void Close(DateTimeOffset now)
    {
        Revoke(now, Login);
        Raise(new AccountClosed(this));
    }

    private DomainError? NewLoginProblem(string? email, EmailOwner owner)
    {
        if (!EmailAddress.IsValid(email)) return DomainErrors.NewEmailInvalid;
        if (EmailAddress.Normalize(email!) == Login) return DomainErrors.NewEmailUnchanged;
        // One answer for internal and portal owners: a customer learns no more than "taken".
        return owner is EmailOwner.AnotherPortalUser or EmailOwner.InternalUser ? DomainErrors.EmailUsedByAnotherUser : null;
    }

    public Invitation? LatestInvitation => _invitations.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).FirstOrDefault();

    private void VoidOpenInvitations(DateTimeOffset now)
    {
        foreach (var open in _invitations.Where(i => i.IsOpen)) open.Void(now);
    }

    private void Record(PortalAccessEventKind kind, DateTimeOffset now, ActivityActor actor, string? detail = null)
    {
        _history.Add(new PortalAccessEvent(kind, now, actor));
        var contactId = ContactId == 0 ? Contact.Id : ContactId;
        Raise(new PortalAccessChanged(contactId, Login, kind, actor.Name, now, Contact?.Name ?? "", contactId == 0 ? Contact : null,
            actor.Kind, detail));
        // The colleague hears of every move their company's administrator makes on their access (a re-invite is its own mail).
        if (actor.Kind == ActivityActorKind.Customer && kind is not (PortalAccessEventKind.ReInvited or PortalAccessEventKind.NewLinkRequested))
            Raise(new ColleagueAccessChangedByCompany(this, kind, actor.Name));
        Touch();
    }
}
