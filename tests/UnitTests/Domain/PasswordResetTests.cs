using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

public sealed class PasswordResetTests
{
    private static readonly TimeSpan Validity = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Requested = Given.Now.AddDays(1);

    [Fact]
    public void An_account_that_can_sign_in_gets_a_link_valid_for_the_given_time()
    {
        var user = Given.ActivePerson().PortalUser!;
        var version = user.Version;

        var link = user.IssuePasswordReset(Given.Link("reset-1"), Requested, Validity);

        (link.Purpose, link.TokenHash, link.CreatedAt, link.ExpiresAt)
            .ShouldBe((AccountTokenPurpose.PasswordReset, "reset-1", Requested, Requested + Validity));
        link.IsUsable(Requested).ShouldBeTrue();
        user.Tokens.ShouldHaveSingleItem().ShouldBeSameAs(link);
        user.Version.ShouldBeGreaterThan(version);
    }

    [Fact]
    public void A_newer_link_voids_the_open_one()
    {
        var user = Given.ActivePerson().PortalUser!;
        var older = user.IssuePasswordReset(Given.Link("reset-1"), Requested, Validity);

        var newer = user.IssuePasswordReset(Given.Link("reset-2"), Requested.AddMinutes(5), Validity);

        older.VoidedAt.ShouldBe(Requested.AddMinutes(5));
        older.IsUsable(Requested.AddMinutes(5)).ShouldBeFalse();
        newer.IsOpen.ShouldBeTrue();
        Should.Throw<DomainException>(() => user.ResetPassword("reset-1", "new-hash", Requested.AddMinutes(6)))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
    }

    [Fact]
    public void Invited_and_revoked_customers_get_no_link()
    {
        Should.Throw<DomainException>(() => Given.InvitedPerson().PortalUser!
            .IssuePasswordReset(Given.Link("reset-1"), Requested, Validity))
            .Error.ShouldBe(DomainErrors.AccountCannotSignIn);
        Should.Throw<DomainException>(() => Given.RevokedPerson().PortalUser!
            .IssuePasswordReset(Given.Link("reset-1"), Requested.AddDays(1), Validity))
            .Error.ShouldBe(DomainErrors.AccountCannotSignIn);
    }

    [Fact]
    public void Resetting_sets_the_password_uses_up_the_link_ends_every_session_and_lifts_a_lockout()
    {
        var user = Given.ActivePerson().PortalUser!;
        for (var failure = 0; failure < 5; failure++) user.RecordFailedSignIn(Requested, 5, TimeSpan.FromMinutes(15));
        user.IsLockedOut(Requested).ShouldBeTrue();
        var link = user.IssuePasswordReset(Given.Link("reset-1"), Requested, Validity);
        var stamp = user.SecurityStamp;
        var at = Requested.AddMinutes(10);

        user.ResetPassword("reset-1", "new-hash", at);

        user.PasswordHash.ShouldBe("new-hash");
        link.UsedAt.ShouldBe(at);
        link.IsOpen.ShouldBeFalse();
        user.SecurityStamp.ShouldNotBe(stamp);
        user.IsLockedOut(at).ShouldBeFalse();
        user.FailedSignInCount.ShouldBe(0);
    }

    [Fact]
    public void A_link_works_only_once()
    {
        var user = Given.ActivePerson().PortalUser!;
        user.IssuePasswordReset(Given.Link("reset-1"), Requested, Validity);
        user.ResetPassword("reset-1", "new-hash", Requested.AddMinutes(1));

        Should.Throw<DomainException>(() => user.ResetPassword("reset-1", "other-hash", Requested.AddMinutes(2)))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
        user.PasswordHash.ShouldBe("new-hash");
    }

    [Fact]
    public void A_link_works_until_just_before_it_expires()
    {
        var almost = Given.ActivePerson().PortalUser!;
        almost.IssuePasswordReset(Given.Link("reset-1"), Requested, Validity);
        almost.ResetPassword("reset-1", "new-hash", Requested + Validity - TimeSpan.FromTicks(1));
        almost.PasswordHash.ShouldBe("new-hash");

        var late = Given.ActivePerson().PortalUser!;
        late.IssuePasswordReset(Given.Link("reset-1"), Requested, Validity);
        Should.Throw<DomainException>(() => late.ResetPassword("reset-1", "new-hash", Requested + Validity))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
        late.PasswordHash.ShouldBe("pw-hash");
    }

    [Fact]
    public void An_unknown_link_does_not_reset_the_password()
    {
        var user = Given.ActivePerson().PortalUser!;
        user.IssuePasswordReset(Given.Link("reset-1"), Requested, Validity);

        Should.Throw<DomainException>(() => user.ResetPassword("reset-2", "new-hash", Requested.AddMinutes(1)))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
        user.PasswordHash.ShouldBe("pw-hash");
    }

    [Fact]
    public void Revoking_access_voids_an_open_reset_link()
    {
        var contact = Given.ActivePerson();
        var link = contact.PortalUser!.IssuePasswordReset(Given.Link("reset-1"), Requested, Validity);

        contact.Revoke(Requested.AddMinutes(5));

        link.VoidedAt.ShouldBe(Requested.AddMinutes(5));
        Should.Throw<DomainException>(() => contact.PortalUser.ResetPassword("reset-1", "new-hash", Requested.AddMinutes(6)))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
        contact.PortalUser.PasswordHash.ShouldBeNull();
    }

    [Fact]
    public void An_internal_user_with_a_password_can_reset_it_too()
    {
        var staff = InternalUser.Create("staff@portal.example", "Sam Staff");
        staff.SetPassword("old-hash");
        staff.IssuePasswordReset(Given.Link("reset-1"), Requested, Validity);

        staff.ResetPassword("reset-1", "new-hash", Requested.AddMinutes(1));

        staff.PasswordHash.ShouldBe("new-hash");
    }

    [Fact]
    public void Changing_the_password_voids_an_open_reset_link_so_it_cannot_set_another_one_afterwards()
    {
        var user = Given.ActivePerson().PortalUser!;
        var link = user.IssuePasswordReset(Given.Link("reset-1"), Requested, Validity);

        user.ChangePassword("changed-hash", Requested.AddMinutes(1));

        link.VoidedAt.ShouldBe(Requested.AddMinutes(1));
        Should.Throw<DomainException>(() => user.ResetPassword("reset-1", "attacker-hash", Requested.AddMinutes(2)))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
        user.PasswordHash.ShouldBe("changed-hash");
    }

    [Fact]
    public void A_first_acceptance_signs_in_but_an_active_customers_re_invite_link_only_sets_the_password()
    {
        var contact = Given.InvitedPerson();
        contact.PortalUser!.AcceptInvitation("hash-1", "first-hash", Given.Now.AddHours(1)).ShouldBeTrue();
        var reset = contact.PortalUser.IssuePasswordReset(Given.Link("reset-1"), Given.Now.AddHours(2), Validity);
        contact.ReInvite("hash-2", Given.Now.AddHours(3));
        contact.PortalUser.ClearDomainEvents();

        contact.PortalUser.AcceptInvitation("hash-2", "second-hash", Given.Now.AddHours(4)).ShouldBeFalse();

        contact.PortalUser.PasswordHash.ShouldBe("second-hash");
        reset.VoidedAt.ShouldBe(Given.Now.AddHours(4));
        contact.PortalUser.DomainEvents.OfType<PasswordSetThroughInvitation>().ShouldHaveSingleItem();
    }
}
