using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.UnitTests.Domain;

public sealed class RevokePortalAccessTests
{
    [Fact]
    public void Revoking_voids_open_invitations_clears_the_password_and_rotates_the_security_stamp()
    {
        var contact = Given.ActivePerson();
        var reset = contact.ReInvite("hash-2", Given.Now.AddHours(2));
        var user = contact.PortalUser!;
        var stamp = user.SecurityStamp;
        var at = Given.Now.AddDays(1);

        contact.RevokePortalAccess(at, "boss@portal.example");

        user.State.ShouldBe(PortalAccessState.Revoked);
        user.PasswordHash.ShouldBeNull();
        user.CanSignIn.ShouldBeFalse();
        user.SecurityStamp.ShouldNotBe(stamp);
        reset.VoidedAt.ShouldBe(at);
        user.Invitations.ShouldAllBe(i => !i.IsOpen);
        var entry = user.History.Last();
        (entry.Kind, entry.OccurredAt, entry.Actor).ShouldBe((PortalAccessEventKind.Revoked, at, "boss@portal.example"));
        contact.HasLivePortalAccess.ShouldBeFalse();
    }

    [Fact]
    public void Revoking_keeps_every_record()
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        var used = user.Invitations.Single();

        contact.Revoke();

        contact.PortalUser.ShouldBeSameAs(user);
        contact.Email.ShouldBe("anna.berg@example.com");
        user.Login.ShouldBe("anna.berg@example.com");
        user.Invitations.ShouldHaveSingleItem().ShouldBeSameAs(used);
        used.UsedAt.ShouldNotBeNull();
        used.VoidedAt.ShouldBeNull();
        user.History.Select(h => h.Kind)
            .ShouldBe([PortalAccessEventKind.Granted, PortalAccessEventKind.Accepted, PortalAccessEventKind.Revoked]);
    }

    [Fact]
    public void Revoking_an_invited_user_voids_the_pending_invitation()
    {
        var contact = Given.InvitedPerson();

        contact.Revoke(Given.Now.AddHours(5));

        contact.PortalUser!.State.ShouldBe(PortalAccessState.Revoked);
        contact.PortalUser.Invitations.Single().VoidedAt.ShouldBe(Given.Now.AddHours(5));
    }

    [Fact]
    public void Revoking_without_access_is_refused()
    {
        var contact = Given.Person();

        Should.Throw<DomainException>(() => contact.Revoke()).Error.ShouldBe(DomainErrors.AccessNotGranted);
    }

    [Fact]
    public void Revoking_twice_is_refused_and_changes_nothing_more()
    {
        var contact = Given.RevokedPerson();
        var user = contact.PortalUser!;
        var stamp = user.SecurityStamp;

        Should.Throw<DomainException>(() => contact.Revoke(Given.Now.AddDays(2))).Error.ShouldBe(DomainErrors.AccessNotGranted);

        user.SecurityStamp.ShouldBe(stamp);
        user.History.Count.ShouldBe(3);
    }

    [Fact]
    public void Granting_again_after_a_revoke_reuses_the_same_user_as_invited_and_the_history_grows()
    {
        var contact = Given.RevokedPerson();
        var user = contact.PortalUser!;
        var at = Given.Now.AddDays(2);

        var invitation = contact.Grant("hash-2", at);

        contact.PortalUser.ShouldBeSameAs(user);
        user.State.ShouldBe(PortalAccessState.Invited);
        user.PasswordHash.ShouldBeNull();
        user.CanSignIn.ShouldBeFalse();
        user.Invitations.Count.ShouldBe(2);
        user.Invitations.Where(i => i.IsOpen).ShouldHaveSingleItem().ShouldBeSameAs(invitation);
        user.History.Select(h => h.Kind).ShouldBe(
            [PortalAccessEventKind.Granted, PortalAccessEventKind.Accepted, PortalAccessEventKind.Revoked, PortalAccessEventKind.Granted]);
        user.History.Last().OccurredAt.ShouldBe(at);
    }

    [Fact]
    public void Granting_again_after_a_revoke_may_use_a_new_email_as_the_login()
    {
        var contact = Given.RevokedPerson();
        contact.ChangeEmail("Anna.New@Example.com", Given.Now.AddDays(2));

        contact.Grant("hash-2", Given.Now.AddDays(2));

        contact.PortalUser!.Login.ShouldBe("anna.new@example.com");
    }

    [Fact]
    public void Granting_again_after_a_revoke_is_refused_for_an_email_someone_else_holds_and_access_stays_revoked()
    {
        var contact = Given.RevokedPerson();

        Should.Throw<DomainException>(() =>
                contact.GrantPortalAccess("taken@example.com", EmailOwner.AnotherPortalUser, Given.Link("hash-2"), Given.Now.AddDays(2),
                    Given.Validity, Given.Admin))
            .Error.ShouldBe(DomainErrors.EmailUsedByAnotherUser);

        contact.PortalUser!.State.ShouldBe(PortalAccessState.Revoked);
        contact.PortalUser.Invitations.Count.ShouldBe(1);
    }

    [Fact]
    public void The_old_link_stays_dead_after_access_is_granted_again()
    {
        var contact = Given.InvitedPerson();
        contact.Revoke(Given.Now.AddHours(1));
        contact.Grant("hash-2", Given.Now.AddHours(2));

        Should.Throw<DomainException>(() => contact.Accept("hash-1", Given.Now.AddHours(3)))
            .Error.ShouldBe(DomainErrors.InvitationVoided);
        contact.Accept("hash-2", Given.Now.AddHours(3));
        contact.PortalUser!.State.ShouldBe(PortalAccessState.Active);
    }
}
