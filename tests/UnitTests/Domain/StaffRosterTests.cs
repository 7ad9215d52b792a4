using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

public sealed class StaffRosterTests
{
    private static readonly DateTimeOffset Later = Given.Now.AddDays(1);

    private static DomainError Refusal(Action move) => Should.Throw<DomainException>(move).Error;

    [Fact]
    public void The_last_active_administrator_cannot_be_demoted_or_deactivated()
    {
        var admin = StaffTests.Active(StaffRole.Administrator);
        var roster = new StaffRoster([]);

        Refusal(() => roster.ChangeRole(admin, StaffRole.ReadOnly, Later, Given.Admin)).ShouldBe(DomainErrors.LastAdministrator);
        Refusal(() => roster.Deactivate(admin, byThemselves: false, Later, Given.Admin)).ShouldBe(DomainErrors.LastAdministrator);

        admin.Role.ShouldBe(StaffRole.Administrator);
        admin.Status.ShouldBe(StaffStatus.Active);
    }

    [Fact]
    public void An_administrator_with_another_active_administrator_beside_them_can_be_demoted_or_deactivated()
    {
        var demoted = StaffTests.Active(StaffRole.Administrator);
        var deactivated = StaffTests.Active(StaffRole.Administrator);
        var other = StaffTests.Active(StaffRole.Administrator);

        new StaffRoster([other]).ChangeRole(demoted, StaffRole.ReadOnly, Later, Given.Admin);
        new StaffRoster([other]).Deactivate(deactivated, byThemselves: false, Later, Given.Admin);

        demoted.Role.ShouldBe(StaffRole.ReadOnly);
        deactivated.Status.ShouldBe(StaffStatus.Deactivated);
    }

    [Fact]
    public void Only_an_administrator_who_can_sign_in_counts_as_the_one_who_remains()
    {
        var admin = StaffTests.Active(StaffRole.Administrator);
        var invitedAdmin = StaffTests.Invited(StaffRole.Administrator);
        var deactivatedAdmin = StaffTests.Active(StaffRole.Administrator);
        new StaffRoster([admin]).Deactivate(deactivatedAdmin, byThemselves: false, Later, Given.Admin);

        Refusal(() => new StaffRoster([invitedAdmin, deactivatedAdmin, admin]).ChangeRole(admin, StaffRole.ReadOnly, Later, Given.Admin))
            .ShouldBe(DomainErrors.LastAdministrator);
    }

    [Fact]
    public void Ending_an_administrator_bumps_the_version_of_every_administrator_counted_so_concurrent_moves_clash()
    {
        var demoted = StaffTests.Active(StaffRole.Administrator);
        var other = StaffTests.Active(StaffRole.Administrator);
        var version = other.Version;

        new StaffRoster([other]).ChangeRole(demoted, StaffRole.PortalManager, Later, Given.Admin);

        other.Version.ShouldBe(version + 1);
    }

    [Fact]
    public void Moves_that_leave_every_administrator_in_place_count_nobody()
    {
        var manager = StaffTests.Active(StaffRole.PortalManager);
        var admin = StaffTests.Active(StaffRole.Administrator);
        var version = admin.Version;

        new StaffRoster([admin]).ChangeRole(manager, StaffRole.ReadOnly, Later, Given.Admin);
        new StaffRoster([admin]).Deactivate(manager, byThemselves: false, Later, Given.Admin);

        admin.Version.ShouldBe(version);
    }

    [Fact]
    public void A_bad_or_unchanged_role_keeps_its_own_refusal_even_for_the_last_administrator()
    {
        var admin = StaffTests.Active(StaffRole.Administrator);
        var roster = new StaffRoster([]);

        Refusal(() => roster.ChangeRole(admin, (StaffRole)42, Later, Given.Admin)).ShouldBe(DomainErrors.StaffRoleInvalid);
        Refusal(() => roster.ChangeRole(admin, StaffRole.Administrator, Later, Given.Admin)).ShouldBe(DomainErrors.StaffRoleUnchanged);
        Refusal(() => roster.Deactivate(admin, byThemselves: true, Later, Given.Admin))
            .ShouldBe(DomainErrors.StaffCannotDeactivateThemselves);
    }
}
