using Portal.Domain.Common;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

public sealed class TwoFactorTests
{
    private static readonly string[] Hashes = Enumerable.Range(1, 10).Select(i => $"recovery-hash-{i}").ToArray();

    private static PortalUser ActiveUser() => Given.ActivePerson().PortalUser!;

    private static PortalUser UserWithTwoFactor(long timeStep = 100)
    {
        var user = ActiveUser();
        user.StartTwoFactorSetup("protected-secret");
        user.EnableTwoFactor(timeStep, Hashes, Given.Now.AddHours(2));
        return user;
    }

    [Fact]
    public void Starting_the_setup_keeps_the_secret_pending_and_leaves_two_factor_off()
    {
        var user = ActiveUser();

        user.StartTwoFactorSetup("protected-secret");

        user.PendingTwoFactorSecret.ShouldBe("protected-secret");
        user.TwoFactorSecret.ShouldBeNull();
        user.TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public void Starting_the_setup_again_replaces_the_pending_secret()
    {
        var user = ActiveUser();
        user.StartTwoFactorSetup("first");

        user.StartTwoFactorSetup("second");

        user.PendingTwoFactorSecret.ShouldBe("second");
    }

    [Fact]
    public void Enabling_moves_the_pending_secret_into_place_stores_the_recovery_codes_and_rotates_the_stamp()
    {
        var user = ActiveUser();
        user.StartTwoFactorSetup("protected-secret");
        var stamp = user.SecurityStamp;
        var at = Given.Now.AddHours(2);

        user.EnableTwoFactor(100, Hashes, at);

        user.TwoFactorEnabled.ShouldBeTrue();
        user.TwoFactorEnabledAt.ShouldBe(at);
        user.TwoFactorSecret.ShouldBe("protected-secret");
        user.PendingTwoFactorSecret.ShouldBeNull();
        user.LastTotpTimeStep.ShouldBe(100);
        user.RecoveryCodes.Select(c => c.CodeHash).ShouldBe(Hashes);
        user.RecoveryCodes.ShouldAllBe(c => c.UsedAt == null);
        user.SecurityStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void Enabling_without_a_started_setup_is_refused()
    {
        var user = ActiveUser();

        Should.Throw<DomainException>(() => user.EnableTwoFactor(100, Hashes, Given.Now))
            .Error.ShouldBe(DomainErrors.TwoFactorSetupNotStarted);
        user.TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public void While_two_factor_is_on_neither_a_new_setup_nor_a_second_enable_is_accepted()
    {
        var user = UserWithTwoFactor();

        Should.Throw<DomainException>(() => user.StartTwoFactorSetup("other")).Error.ShouldBe(DomainErrors.TwoFactorAlreadyEnabled);
        Should.Throw<DomainException>(() => user.EnableTwoFactor(200, Hashes, Given.Now)).Error
            .ShouldBe(DomainErrors.TwoFactorAlreadyEnabled);
        user.TwoFactorSecret.ShouldBe("protected-secret");
        user.PendingTwoFactorSecret.ShouldBeNull();
    }

    [Fact]
    public void The_time_step_confirmed_at_enabling_can_not_be_used_again()
    {
        var user = UserWithTwoFactor(timeStep: 100);

        user.AcceptTotpTimeStep(100).ShouldBeFalse();
        user.AcceptTotpTimeStep(99).ShouldBeFalse();
        user.LastTotpTimeStep.ShouldBe(100);
    }

    [Fact]
    public void A_newer_time_step_is_accepted_once()
    {
        var user = UserWithTwoFactor(timeStep: 100);

        user.AcceptTotpTimeStep(101).ShouldBeTrue();
        user.AcceptTotpTimeStep(101).ShouldBeFalse();
        user.AcceptTotpTimeStep(103).ShouldBeTrue();
        user.AcceptTotpTimeStep(102).ShouldBeFalse();
        user.LastTotpTimeStep.ShouldBe(103);
    }

    [Fact]
    public void A_recovery_code_works_once()
    {
        var user = UserWithTwoFactor();
        var at = Given.Now.AddDays(1);

        user.UseRecoveryCode("recovery-hash-3", at).ShouldBeTrue();
        user.UseRecoveryCode("recovery-hash-3", at.AddMinutes(1)).ShouldBeFalse();

        user.RecoveryCodes.Single(c => c.CodeHash == "recovery-hash-3").UsedAt.ShouldBe(at);
        user.RecoveryCodes.Count(c => c.UsedAt == null).ShouldBe(9);
    }

    [Fact]
    public void An_unknown_recovery_code_is_refused()
    {
        var user = UserWithTwoFactor();

        user.UseRecoveryCode("not-a-hash-we-gave-out", Given.Now).ShouldBeFalse();

        user.RecoveryCodes.ShouldAllBe(c => c.UsedAt == null);
    }

    [Fact]
    public void Disabling_forgets_secret_recovery_codes_and_last_step_and_rotates_the_stamp()
    {
        var user = UserWithTwoFactor();
        var stamp = user.SecurityStamp;

        user.DisableTwoFactor();

        user.TwoFactorEnabled.ShouldBeFalse();
        user.TwoFactorSecret.ShouldBeNull();
        user.PendingTwoFactorSecret.ShouldBeNull();
        user.LastTotpTimeStep.ShouldBeNull();
        user.RecoveryCodes.ShouldBeEmpty();
        user.SecurityStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void Disabling_when_two_factor_is_off_is_refused()
    {
        var user = ActiveUser();

        Should.Throw<DomainException>(user.DisableTwoFactor).Error.ShouldBe(DomainErrors.TwoFactorNotEnabled);
    }

    [Fact]
    public void Turning_two_factor_on_again_gives_only_the_new_recovery_codes()
    {
        var user = UserWithTwoFactor();
        user.UseRecoveryCode("recovery-hash-1", Given.Now);
        user.DisableTwoFactor();
        user.StartTwoFactorSetup("new-secret");

        user.EnableTwoFactor(500, ["new-1", "new-2"], Given.Now.AddDays(3));

        user.RecoveryCodes.Select(c => c.CodeHash).ShouldBe(["new-1", "new-2"]);
        user.UseRecoveryCode("recovery-hash-2", Given.Now.AddDays(3)).ShouldBeFalse();
    }

    [Fact]
    public void Revoking_access_forgets_the_second_factor()
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        user.StartTwoFactorSetup("protected-secret");
        user.EnableTwoFactor(100, Hashes, Given.Now.AddHours(2));

        contact.Revoke();

        user.TwoFactorEnabled.ShouldBeFalse();
        user.TwoFactorSecret.ShouldBeNull();
        user.RecoveryCodes.ShouldBeEmpty();
    }

    [Fact]
    public void New_recovery_codes_replace_every_older_one_and_are_noted_in_the_activity()
    {
        var user = UserWithTwoFactor();
        user.UseRecoveryCode("recovery-hash-1", Given.Now.AddHours(3)).ShouldBeTrue();
        user.ClearDomainEvents();

        user.ReplaceRecoveryCodes(["new-1", "new-2"]);

        user.RecoveryCodes.Select(c => c.CodeHash).ShouldBe(["new-1", "new-2"]);
        user.RecoveryCodes.ShouldAllBe(c => c.UsedAt == null);
        user.UseRecoveryCode("recovery-hash-2", Given.Now.AddHours(4)).ShouldBeFalse();
        user.DomainEvents.OfType<RecoveryCodesReplaced>().ShouldHaveSingleItem();
    }

    [Fact]
    public void New_recovery_codes_need_two_factor_to_be_on() =>
        Should.Throw<DomainException>(() => ActiveUser().ReplaceRecoveryCodes(["new-1"])).Error
            .ShouldBe(DomainErrors.TwoFactorNotEnabled);
}
