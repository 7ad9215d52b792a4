using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Payments;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

/// <summary>The events each move raises: what the security activity, the activity list and the outbox mail follow from.</summary>
public sealed class DomainEventTests
{
    private static readonly DateTimeOffset Later = Given.Now.AddDays(1);

    private static PortalUser ActiveUser()
    {
        var user = Given.ActivePerson().PortalUser!;
        user.ClearDomainEvents();
        return user;
    }

    private static SecurityEventKind[] SecurityKinds(IHasDomainEvents source) =>
        source.DomainEvents.OfType<AccountSecurityEvent>().Select(e => e.Kind).ToArray();

    [Fact]
    public void Granting_issues_an_invitation_whose_mail_gets_the_token_while_the_user_keeps_only_its_hash()
    {
        var contact = Given.Person();

        var invitation = contact.GrantPortalAccess(contact.Email, EmailOwner.Nobody, Given.Link("hash-1"), Given.Now, Given.Validity,
            Given.Admin, "Welcome!");

        var issued = contact.PortalUser!.DomainEvents.OfType<InvitationIssued>().ShouldHaveSingleItem();
        (issued.Token, issued.Invitation, issued.IssuedBy, issued.WelcomeMessage, issued.SetsNewPassword)
            .ShouldBe(("token-of-hash-1", invitation, Given.Admin, "Welcome!", false));
        invitation.TokenHash.ShouldBe("hash-1");
        issued.ToString().ShouldNotContain("token-of-hash-1");
    }

    [Fact]
    public void Re_inviting_an_active_customer_issues_a_link_that_sets_a_new_password()
    {
        var contact = Given.ActivePerson();
        contact.PortalUser!.ClearDomainEvents();

        contact.ReInvite("hash-2", Later);

        contact.PortalUser.DomainEvents.OfType<InvitationIssued>().ShouldHaveSingleItem().SetsNewPassword.ShouldBeTrue();
    }

    [Fact]
    public void A_refused_grant_issues_no_invitation()
    {
        var contact = Given.ActivePerson();
        contact.PortalUser!.ClearDomainEvents();

        Should.Throw<DomainException>(() => contact.Grant("hash-2", Later));

        contact.PortalUser.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Security_moves_raise_their_account_events_in_order()
    {
        var user = ActiveUser();

        user.ChangePassword("new-hash", Given.Now.AddHours(3));
        user.StartTwoFactorSetup("secret");
        user.EnableTwoFactor(100, ["code-hash"], Later);
        user.UseRecoveryCode("code-hash", Later);
        user.DisableTwoFactor();
        user.EndAllSessions();
        user.RecordSignIn(Later);

        SecurityKinds(user).ShouldBe([
            SecurityEventKind.PasswordChanged, SecurityEventKind.TwoFactorEnabled, SecurityEventKind.RecoveryCodeUsed,
            SecurityEventKind.TwoFactorDisabled, SecurityEventKind.SignedOutEverywhere, SecurityEventKind.SignedIn,
        ]);
        user.DomainEvents.OfType<AccountSecurityEvent>().ShouldAllBe(e => ReferenceEquals(e.Account, user));
    }

    [Fact]
    public void Failed_sign_ins_are_recorded_and_the_one_that_locks_says_so()
    {
        var user = ActiveUser();

        user.RecordFailedSignIn(Later, maxFailures: 2, TimeSpan.FromMinutes(15)).ShouldBeFalse();
        user.RecordFailedSignIn(Later, maxFailures: 2, TimeSpan.FromMinutes(15)).ShouldBeTrue();
        user.TurnAwayWhileLockedOut(Later.AddMinutes(1)).ShouldBeTrue();
        user.TurnAwayWhileLockedOut(Later.AddMinutes(16)).ShouldBeFalse();

        SecurityKinds(user).ShouldBe([
            SecurityEventKind.SignInFailed, SecurityEventKind.SignInFailed, SecurityEventKind.LockedOut, SecurityEventKind.SignInFailed,
        ]);
    }

    [Fact]
    public void A_wrong_recovery_code_raises_nothing()
    {
        var user = ActiveUser();

        user.UseRecoveryCode("unknown", Later).ShouldBeFalse();

        user.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void A_reset_link_carries_its_token_to_the_mail_and_using_it_is_recorded()
    {
        var user = ActiveUser();

        var link = user.IssuePasswordReset(Given.Link("reset-1"), Later, TimeSpan.FromHours(1));
        user.ResetPassword("reset-1", "new-hash", Later.AddMinutes(5));

        var requested = user.DomainEvents.OfType<PasswordResetRequested>().ShouldHaveSingleItem();
        (requested.Token, requested.ExpiresAt).ShouldBe(("token-of-reset-1", link.ExpiresAt));
        requested.ToString().ShouldNotContain("token-of-reset-1");
        SecurityKinds(user).ShouldBe([SecurityEventKind.PasswordResetRequested, SecurityEventKind.PasswordReset]);
    }

    [Fact]
    public void An_email_change_request_names_the_new_address_and_confirming_it_is_recorded()
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        user.ClearDomainEvents();

        user.RequestEmailChange(" Anna.Neu@Example.org ", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"), Later,
            TimeSpan.FromDays(1), Given.Admin);
        contact.ConfirmEmailChange("ec-1", EmailOwner.Nobody, Later.AddHours(1));

        var requested = user.DomainEvents.OfType<EmailChangeRequested>().ShouldHaveSingleItem();
        (requested.Token, requested.NewEmail).ShouldBe(("token-of-ec-1", "Anna.Neu@Example.org"));
        SecurityKinds(user).ShouldBe([SecurityEventKind.EmailChangeRequested, SecurityEventKind.EmailChanged]);
        contact.Email.ShouldBe("Anna.Neu@Example.org");
    }

    [Fact]
    public void Closing_the_account_revokes_the_access_as_the_customer_and_says_it_was_closed()
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        user.ClearDomainEvents();

        contact.ClosePortalAccount(Later);

        user.State.ShouldBe(PortalAccessState.Revoked);
        var revoked = user.DomainEvents.OfType<PortalAccessChanged>().ShouldHaveSingleItem();
        (revoked.Kind, revoked.Actor).ShouldBe((PortalAccessEventKind.Revoked, "anna.berg@example.com"));
        SecurityKinds(user).ShouldBe([SecurityEventKind.AccountClosed]);
        Should.Throw<DomainException>(() => contact.ClosePortalAccount(Later)).Error.ShouldBe(DomainErrors.AccessNotGranted);
    }

    [Fact]
    public void Only_an_active_account_can_be_closed()
    {
        var contact = Given.InvitedPerson();

        Should.Throw<DomainException>(() => contact.ClosePortalAccount(Later)).Error.ShouldBe(DomainErrors.AccessNotGranted);

        contact.PortalUser!.State.ShouldBe(PortalAccessState.Invited);
    }

    [Fact]
    public void Bank_account_moves_are_raised_with_the_masked_iban_only()
    {
        var methods = new ContactPaymentMethods(7, []);
        var first = methods.Add("Anna Berg", Iban.Parse("DE89 3704 0044 0532 0130 00"), "protected-1", null, MandateReference.New(), "de",
            Given.Now);
        var second = methods.Add("Anna Berg", Iban.Parse("NL91 ABNA 0417 1643 00"), "protected-2", null, MandateReference.New(), "de",
            Given.Now);

        methods.MakeDefault(second);
        methods.MakeDefault(second).ShouldBeFalse();
        methods.Remove(first, Given.Now);

        first.DomainEvents.ShouldBe([new PaymentMethodAdded(7, first.MaskedIban), new PaymentMethodRemoved(7, first.MaskedIban)]);
        second.DomainEvents.ShouldBe([new PaymentMethodAdded(7, second.MaskedIban), new DefaultPaymentMethodChanged(7, second.MaskedIban)]);
    }

    [Fact]
    public void Inviting_a_colleague_issues_the_link_for_the_mail_in_the_chosen_language()
    {
        var (user, link) = InternalUser.Invite("pia@portal.example", "Pia", StaffRole.ReadOnly, false, Given.Link("invite-1"), Given.Now,
            TimeSpan.FromDays(7), Given.Admin, "de");

        var issued = user.DomainEvents.OfType<StaffInvitationIssued>().ShouldHaveSingleItem();
        (issued.Token, issued.ExpiresAt, issued.InvitedBy, issued.Language)
            .ShouldBe(("token-of-invite-1", link.ExpiresAt, Given.Admin, "de"));
        link.TokenHash.ShouldBe("invite-1");
    }

    [Fact]
    public void A_bank_account_change_is_noted_on_its_owners_account_only()
    {
        var user = ActiveUser();

        user.NoteBankAccountChange(new PaymentMethodAdded(user.ContactId, "DE89 **** **** **** **30 00"));
        Should.Throw<ArgumentException>(() => user.NoteBankAccountChange(new PaymentMethodRemoved(user.ContactId + 1, "NL91 ****")));

        user.DomainEvents.ShouldBe([new BankAccountChanged(user, SecurityEventKind.PaymentMethodAdded, "DE89 **** **** **** **30 00")]);
    }
}
