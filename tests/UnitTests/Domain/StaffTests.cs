using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

public sealed class StaffTests
{
    private static readonly DateTimeOffset Now = Given.Now;
    private static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    internal static InternalUser Invited(StaffRole role = StaffRole.PortalManager, string tokenHash = "invite-1") =>
        InternalUser.Invite("Pia.Manager@Portal.example", "Pia Manager", role, loginTaken: false, Given.Link(tokenHash), Now, Validity,
            Given.Admin).User;

    internal static InternalUser Active(StaffRole role = StaffRole.PortalManager)
    {
        var user = Invited(role);
        user.AcceptInvitation("invite-1", "pw-hash", Now.AddHours(1));
        return user;
    }

    private static readonly StaffRoster NoOtherAdministrators = new([]);

    private static DomainError Refusal(Action move) => Should.Throw<DomainException>(move).Error;

    [Fact]
    public void An_invited_colleague_has_a_link_but_no_password_and_cannot_sign_in()
    {
        var (user, link) = InternalUser.Invite(" Pia.Manager@Portal.example ", " Pia Manager ", StaffRole.PortalManager, false,
            Given.Link("invite-1"), Now, Validity, Given.Admin);

        user.Login.ShouldBe("pia.manager@portal.example");
        user.DisplayName.ShouldBe("Pia Manager");
        user.Role.ShouldBe(StaffRole.PortalManager);
        user.Status.ShouldBe(StaffStatus.Invited);
        user.CanSignIn.ShouldBeFalse();
        user.InvitedAt.ShouldBe(Now);
        link.Purpose.ShouldBe(AccountTokenPurpose.StaffInvitation);
        link.TokenHash.ShouldBe("invite-1");
        link.ExpiresAt.ShouldBe(Now + Validity);
        user.DomainEvents.OfType<StaffChanged>().Single().Kind.ShouldBe(ActivityKind.StaffInvited);
    }

    [Fact]
    public void An_invitation_is_refused_for_a_login_that_is_already_taken_or_an_invalid_email_or_name()
    {
        Refusal(() => InternalUser.Invite("anna@example.com", "Anna", StaffRole.ReadOnly, loginTaken: true, Given.Link("h"), Now, Validity,
            Given.Admin))
            .ShouldBe(DomainErrors.EmailUsedByAnotherUser);
        Refusal(() => InternalUser.Invite("not-an-email", "Anna", StaffRole.ReadOnly, false, Given.Link("h"), Now, Validity, Given.Admin))
            .ShouldBe(DomainErrors.StaffEmailInvalid);
        Refusal(() => InternalUser.Invite("anna@example.com", "  ", StaffRole.ReadOnly, false, Given.Link("h"), Now, Validity, Given.Admin))
            .ShouldBe(DomainErrors.StaffNameInvalid);
        Refusal(() => InternalUser.Invite("anna@example.com", "Anna", (StaffRole)42, false, Given.Link("h"), Now, Validity, Given.Admin))
            .ShouldBe(DomainErrors.StaffRoleInvalid);
    }

    [Fact]
    public void Accepting_the_invitation_sets_the_password_and_the_link_works_only_once()
    {
        var user = Invited();
        var stamp = user.SecurityStamp;

        user.AcceptInvitation("invite-1", "pw-hash", Now.AddHours(1));

        user.Status.ShouldBe(StaffStatus.Active);
        user.CanSignIn.ShouldBeTrue();
        user.JoinedAt.ShouldBe(Now.AddHours(1));
        user.SecurityStamp.ShouldNotBe(stamp);
        user.InvitationProblem("invite-1", Now.AddHours(2)).ShouldBe(DomainErrors.LinkInvalid);
        Refusal(() => user.AcceptInvitation("invite-1", "other", Now.AddHours(2))).ShouldBe(DomainErrors.LinkInvalid);
    }

    [Fact]
    public void An_expired_or_unknown_link_is_refused()
    {
        var user = Invited();

        user.InvitationProblem("invite-1", Now + Validity).ShouldBe(DomainErrors.LinkInvalid);
        user.InvitationProblem("someone-else", Now.AddHours(1)).ShouldBe(DomainErrors.LinkInvalid);
        Refusal(() => user.AcceptInvitation("invite-1", "pw-hash", Now + Validity + TimeSpan.FromMinutes(1)))
            .ShouldBe(DomainErrors.LinkInvalid);
        user.CanSignIn.ShouldBeFalse();
    }

    [Fact]
    public void The_language_chosen_at_the_invitation_is_stored_and_the_re_invite_is_written_in_it()
    {
        var (user, _) = InternalUser.Invite("greta@portal.example", "Greta Deutsch", StaffRole.ReadOnly, loginTaken: false,
            Given.Link("invite-1"), Now, Validity, Given.Admin, "de");

        user.Language.ShouldBe("de");
        user.ReInvite(Given.Link("invite-2"), Now.AddDays(1), Validity, Given.Admin);
        user.DomainEvents.OfType<StaffInvitationIssued>().Select(e => e.Language).ShouldBe(["de", "de"]);
        (Invited().Language, Invited().MailLanguage).ShouldBe((null, "en"), "not chosen: English mail, the browser's back office");
        Refusal(() => InternalUser.Invite("fr@portal.example", "Fran Çois", StaffRole.ReadOnly, loginTaken: false,
            Given.Link("invite-3"), Now, Validity, Given.Admin, "fr")).ShouldBe(DomainErrors.PageLanguageInvalid);
    }

    [Fact]
    public void A_colleague_changes_their_language_to_english_or_german_only()
    {
        var user = Active();

        user.ChangeLanguage("de").ShouldBeTrue();
        user.ChangeLanguage("de").ShouldBeFalse();
        user.Language.ShouldBe("de");
        Refusal(() => user.ChangeLanguage("fr")).ShouldBe(DomainErrors.PageLanguageInvalid);
    }

    [Fact]
    public void A_re_invite_voids_the_old_link_and_the_new_one_works()
    {
        var user = Invited();

        user.ReInvite(Given.Link("invite-2"), Now.AddDays(1), Validity, Given.Admin);

        user.InvitationProblem("invite-1", Now.AddDays(1)).ShouldBe(DomainErrors.LinkInvalid);
        user.InvitationProblem("invite-2", Now.AddDays(1)).ShouldBeNull();
        user.AcceptInvitation("invite-2", "pw-hash", Now.AddDays(2));
        user.Status.ShouldBe(StaffStatus.Active);
    }

    [Fact]
    public void A_colleague_re_invited_within_a_minute_of_the_last_link_is_refused_and_one_after_it_gets_a_new_link()
    {
        var clock = new FakeTimeProvider(Now);
        var user = Invited();

        clock.Advance(TimeSpan.FromSeconds(30));
        Refusal(() => user.ReInvite(Given.Link("invite-2"), clock.GetUtcNow(), Validity, Given.Admin))
            .ShouldBe(DomainErrors.StaffInvitationJustSent);
        user.InvitationProblem("invite-1", clock.GetUtcNow()).ShouldBeNull();

        clock.Advance(TimeSpan.FromSeconds(31));
        user.ReInvite(Given.Link("invite-2"), clock.GetUtcNow(), Validity, Given.Admin);
        user.InvitationProblem("invite-2", clock.GetUtcNow()).ShouldBeNull();
        Refusal(() => user.ReInvite(Given.Link("invite-3"), clock.GetUtcNow().AddSeconds(30), Validity, Given.Admin))
            .ShouldBe(DomainErrors.StaffInvitationJustSent);
    }

    [Fact]
    public void A_colleague_who_already_joined_cannot_be_re_invited() =>
        Refusal(() => Active().ReInvite(Given.Link("invite-2"), Now.AddDays(1), Validity, Given.Admin))
            .ShouldBe(DomainErrors.StaffAlreadyJoined);

    [Fact]
    public void Changing_the_role_records_from_and_to()
    {
        var user = Active(StaffRole.ReadOnly);
        user.ClearDomainEvents();

        NoOtherAdministrators.ChangeRole(user, StaffRole.PortalManager, Now.AddDays(1), Given.Admin);

        user.Role.ShouldBe(StaffRole.PortalManager);
        var change = user.DomainEvents.OfType<StaffChanged>().Single();
        change.Kind.ShouldBe(ActivityKind.StaffRoleChanged);
        change.Detail.ShouldBe("ReadOnly>PortalManager");
        Refusal(() => NoOtherAdministrators.ChangeRole(user, StaffRole.PortalManager, Now.AddDays(1), Given.Admin))
            .ShouldBe(DomainErrors.StaffRoleUnchanged);
    }

    [Fact]
    public void Nobody_can_deactivate_themselves() =>
        Refusal(() => new StaffRoster([Active(StaffRole.Administrator)])
            .Deactivate(Active(StaffRole.Administrator), byThemselves: true, Now.AddDays(1), Given.Admin))
            .ShouldBe(DomainErrors.StaffCannotDeactivateThemselves);

    [Fact]
    public void Deactivating_ends_every_session_blocks_sign_in_and_voids_open_links()
    {
        var user = Active();
        var stamp = user.SecurityStamp;

        NoOtherAdministrators.Deactivate(user, byThemselves: false, Now.AddDays(1), Given.Admin);

        user.Status.ShouldBe(StaffStatus.Deactivated);
        user.CanSignIn.ShouldBeFalse();
        user.SecurityStamp.ShouldNotBe(stamp);
        user.PasswordHash.ShouldBe("pw-hash");
        Refusal(() => NoOtherAdministrators.Deactivate(user, false, Now.AddDays(2), Given.Admin))
            .ShouldBe(DomainErrors.StaffAlreadyDeactivated);
    }

    [Fact]
    public void Deactivating_an_invited_colleague_voids_their_link()
    {
        var user = Invited();

        NoOtherAdministrators.Deactivate(user, false, Now.AddHours(1), Given.Admin);

        user.InvitationProblem("invite-1", Now.AddHours(2)).ShouldBe(DomainErrors.LinkInvalid);
        user.Tokens.Single().VoidedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Reactivating_lets_the_colleague_sign_in_again_with_their_password()
    {
        var user = Active();
        NoOtherAdministrators.Deactivate(user, false, Now.AddDays(1), Given.Admin);
        var stamp = user.SecurityStamp;

        user.Reactivate(Now.AddDays(2), Given.Admin);

        user.Status.ShouldBe(StaffStatus.Active);
        user.CanSignIn.ShouldBeTrue();
        user.SecurityStamp.ShouldNotBe(stamp);
        Refusal(() => user.Reactivate(Now.AddDays(3), Given.Admin)).ShouldBe(DomainErrors.StaffNotDeactivated);
    }

    [Theory]
    [InlineData(StaffRole.Administrator, StaffPermission.ManageStaff, true)]
    [InlineData(StaffRole.PortalManager, StaffPermission.ManagePortalAccess, true)]
    [InlineData(StaffRole.PortalManager, StaffPermission.ManageStaff, false)]
    [InlineData(StaffRole.ReadOnly, StaffPermission.ViewBackOffice, true)]
    [InlineData(StaffRole.ReadOnly, StaffPermission.ManagePortalAccess, false)]
    [InlineData(StaffRole.ReadOnly, StaffPermission.ManageContacts, false)]
    [InlineData(StaffRole.PortalManager, StaffPermission.ManageMail, true)]
    [InlineData(StaffRole.ReadOnly, StaffPermission.ManageMail, false)]
    public void A_role_allows_only_its_permissions(StaffRole role, StaffPermission permission, bool allowed) =>
        role.Allows(permission).ShouldBe(allowed);
}
