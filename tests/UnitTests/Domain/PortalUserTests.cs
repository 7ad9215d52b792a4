using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.UnitTests.Domain;

public sealed class PortalUserTests
{
    [Fact]
    public void Only_an_active_user_with_a_password_can_sign_in()
    {
        Given.InvitedPerson().PortalUser!.CanSignIn.ShouldBeFalse();
        Given.ActivePerson().PortalUser!.CanSignIn.ShouldBeTrue();
        Given.RevokedPerson().PortalUser!.CanSignIn.ShouldBeFalse();

        var regranted = Given.RevokedPerson();
        regranted.Grant("hash-2", Given.Now.AddDays(2));
        regranted.PortalUser!.CanSignIn.ShouldBeFalse();
    }

    [Fact]
    public void Granting_raises_PortalAccessChanged_Granted()
    {
        var contact = Given.Person();

        contact.Grant();

        var changed = contact.PortalUser!.DomainEvents.OfType<PortalAccessChanged>().ShouldHaveSingleItem();
        changed.ShouldBe(new PortalAccessChanged(contact.Id, "anna.berg@example.com", PortalAccessEventKind.Granted, Given.Admin, Given.Now,
            contact.Name, NewContact: contact));
    }

    [Fact]
    public void Every_move_raises_one_PortalAccessChanged_of_its_kind_with_actor_and_time()
    {
        var contact = Given.InvitedPerson();
        var user = contact.PortalUser!;
        user.ClearDomainEvents();
        user.DomainEvents.ShouldBeEmpty();

        contact.ReInvite("hash-2", Given.Now.AddHours(1));
        contact.Accept("hash-2", Given.Now.AddHours(2));
        contact.Revoke(Given.Now.AddHours(3));
        contact.Grant("hash-3", Given.Now.AddHours(4));

        user.DomainEvents.OfType<PortalAccessChanged>().Select(e => (e.Kind, e.Actor, e.OccurredAt)).ShouldBe(
        [
            (PortalAccessEventKind.ReInvited, Given.Admin, Given.Now.AddHours(1)),
            (PortalAccessEventKind.Accepted, "anna.berg@example.com", Given.Now.AddHours(2)),
            (PortalAccessEventKind.Revoked, Given.Admin, Given.Now.AddHours(3)),
            (PortalAccessEventKind.Granted, Given.Admin, Given.Now.AddHours(4)),
        ]);
        user.DomainEvents.OfType<PortalAccessChanged>().ShouldAllBe(e => e.Login == "anna.berg@example.com");
    }

    [Fact]
    public void A_re_invite_to_a_corrected_email_reports_the_new_login()
    {
        var contact = Given.InvitedPerson();
        contact.PortalUser!.ClearDomainEvents();

        contact.ReInvite("hash-2", Given.Now.AddHours(1), email: "new@example.com");

        contact.PortalUser.DomainEvents.OfType<PortalAccessChanged>().Single().Login.ShouldBe("new@example.com");
    }

    [Fact]
    public void A_refused_move_raises_no_event()
    {
        var contact = Given.ActivePerson();
        var user = contact.PortalUser!;
        user.ClearDomainEvents();

        Should.Throw<DomainException>(() => contact.Grant("hash-2", Given.Now.AddDays(1)));
        Should.Throw<DomainException>(() => contact.ReInvite("hash-2", Given.Now.AddDays(1), email: "x@example.com"));
        Should.Throw<DomainException>(() => user.AcceptInvitation("hash-1", "x", Given.Now.AddDays(1)));
        Should.Throw<DomainException>(() =>
            contact.GrantPortalAccess(contact.Email, EmailOwner.InternalUser, Given.Link("hash-3"), Given.Now, Given.Validity,
                Given.Admin));

        user.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Every_move_bumps_the_concurrency_version()
    {
        var contact = Given.InvitedPerson();
        var user = contact.PortalUser!;
        var version = user.Version;

        contact.ReInvite("hash-2", Given.Now.AddHours(1));
        user.Version.ShouldBe(version + 1);
        contact.Accept("hash-2", Given.Now.AddHours(2));
        user.Version.ShouldBe(version + 2);
        contact.Revoke(Given.Now.AddHours(3));
        user.Version.ShouldBe(version + 3);
    }

    [Fact]
    public void A_sign_in_is_recorded_and_a_rehash_replaces_only_an_existing_password()
    {
        var invited = Given.InvitedPerson().PortalUser!;
        invited.UpgradePasswordHash("new-hash");
        invited.PasswordHash.ShouldBeNull();

        var active = Given.ActivePerson().PortalUser!;
        active.UpgradePasswordHash("new-hash");
        active.PasswordHash.ShouldBe("new-hash");
        active.RecordSignIn(Given.Now.AddDays(3));
        active.LastSignInAt.ShouldBe(Given.Now.AddDays(3));
    }

    [Fact]
    public void The_latest_invitation_is_the_newest_one()
    {
        var contact = Given.InvitedPerson();
        contact.PortalUser!.LatestInvitation!.TokenHash.ShouldBe("hash-1");

        contact.ReInvite("hash-2", Given.Now.AddHours(1));

        contact.PortalUser.LatestInvitation!.TokenHash.ShouldBe("hash-2");
    }

    [Fact]
    public void Every_user_starts_with_its_own_random_security_stamp()
    {
        var a = Given.InvitedPerson().PortalUser!;
        var b = Given.InvitedPerson().PortalUser!;

        a.SecurityStamp.ShouldMatch("^[0-9A-F]{32}$");
        a.SecurityStamp.ShouldNotBe(b.SecurityStamp);
    }
}
