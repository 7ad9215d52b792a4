using Portal.Domain.Common;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

public sealed class SignInProtectionTests
{
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    [Fact]
    public void Five_consecutive_failures_lock_the_account_for_the_lockout_duration()
    {
        var user = Given.ActivePerson().PortalUser!;
        for (var i = 1; i <= 4; i++)
        {
            user.RecordFailedSignIn(Given.Now, 5, Lockout).ShouldBeFalse();
            user.IsLockedOut(Given.Now).ShouldBeFalse();
        }

        user.RecordFailedSignIn(Given.Now, 5, Lockout).ShouldBeTrue();

        user.IsLockedOut(Given.Now).ShouldBeTrue();
        user.IsLockedOut(Given.Now + Lockout - TimeSpan.FromSeconds(1)).ShouldBeTrue();
        user.IsLockedOut(Given.Now + Lockout).ShouldBeFalse();
    }

    [Fact]
    public void A_successful_sign_in_resets_the_failure_counter()
    {
        var user = Given.ActivePerson().PortalUser!;
        for (var i = 0; i < 4; i++) user.RecordFailedSignIn(Given.Now, 5, Lockout);

        user.RecordSignIn(Given.Now);

        user.FailedSignInCount.ShouldBe(0);
        user.RecordFailedSignIn(Given.Now, 5, Lockout).ShouldBeFalse();
        user.IsLockedOut(Given.Now).ShouldBeFalse();
    }

    [Fact]
    public void Changing_the_password_rotates_the_security_stamp()
    {
        var user = Given.ActivePerson().PortalUser!;
        var stamp = user.SecurityStamp;

        user.ChangePassword("new-hash", Given.Now.AddHours(3));

        user.PasswordHash.ShouldBe("new-hash");
        user.SecurityStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void An_invited_or_revoked_user_can_not_change_a_password()
    {
        Should.Throw<DomainException>(() => Given.InvitedPerson().PortalUser!.ChangePassword("x", Given.Now)).Error
            .ShouldBe(DomainErrors.AccountCannotSignIn);
        Should.Throw<DomainException>(() => Given.RevokedPerson().PortalUser!.ChangePassword("x", Given.Now)).Error
            .ShouldBe(DomainErrors.AccountCannotSignIn);
    }

    [Fact]
    public void Ending_all_sessions_rotates_the_stamp_and_keeps_the_password()
    {
        var user = Given.ActivePerson().PortalUser!;
        var stamp = user.SecurityStamp;

        user.EndAllSessions();

        user.SecurityStamp.ShouldNotBe(stamp);
        user.PasswordHash.ShouldBe("pw-hash");
        user.CanSignIn.ShouldBeTrue();
    }

    [Fact]
    public void Revoking_forgets_every_credential_lockout_and_open_link()
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        user.RecordFailedSignIn(Given.Now, 5, Lockout);
        var reset = user.IssuePasswordReset(Given.Link("reset-hash"), Given.Now, TimeSpan.FromHours(1));

        contact.Revoke();

        user.State.ShouldBe(PortalAccessState.Revoked);
        user.PasswordHash.ShouldBeNull();
        user.TwoFactorEnabled.ShouldBeFalse();
        user.FailedSignInCount.ShouldBe(0);
        reset.IsOpen.ShouldBeFalse();
        user.Tokens.ShouldAllBe(t => !t.IsOpen);
    }

    [Fact]
    public void An_internal_user_can_sign_in_only_with_a_password()
    {
        var staff = InternalUser.Create(" Staff@Portal.Example ", "Staff");
        staff.Login.ShouldBe("staff@portal.example");
        staff.CanSignIn.ShouldBeFalse();
        staff.SetPassword("hash");
        staff.CanSignIn.ShouldBeTrue();
    }
}
