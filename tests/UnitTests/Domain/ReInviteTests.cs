using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.UnitTests.Domain;

public sealed class ReInviteTests
{
    [Fact]
    public void Re_inviting_voids_every_older_invitation_and_issues_one_new_open_one()
    {
        var contact = Given.InvitedPerson();
        var first = contact.PortalUser!.Invitations.Single();

        var second = contact.ReInvite("hash-2", Given.Now.AddHours(1));
        var third = contact.ReInvite("hash-3", Given.Now.AddHours(2));

        var user = contact.PortalUser;
        user.Invitations.Count.ShouldBe(3);
        user.Invitations.Where(i => i.IsOpen).ShouldHaveSingleItem().ShouldBeSameAs(third);
        first.VoidedAt.ShouldBe(Given.Now.AddHours(1));
        second.VoidedAt.ShouldBe(Given.Now.AddHours(2));
        third.ExpiresAt.ShouldBe(Given.Now.AddHours(2) + Given.Validity);
        user.LatestInvitation.ShouldBeSameAs(third);
        user.State.ShouldBe(PortalAccessState.Invited);
        user.History.Select(h => h.Kind)
            .ShouldBe([PortalAccessEventKind.Granted, PortalAccessEventKind.ReInvited, PortalAccessEventKind.ReInvited]);
    }

    [Fact]
    public void A_re_invite_within_a_minute_of_the_last_link_is_refused_and_one_after_it_is_sent()
    {
        var clock = new FakeTimeProvider(Given.Now);
        var contact = Given.InvitedPerson();

        clock.Advance(TimeSpan.FromSeconds(30));
        Should.Throw<DomainException>(() => contact.ReInvite("hash-2", clock.GetUtcNow()))
            .Error.ShouldBe(DomainErrors.InvitationJustSent);
        contact.PortalUser!.Invitations.ShouldHaveSingleItem().IsOpen.ShouldBeTrue();
        contact.PortalUser.History.Count.ShouldBe(1);

        clock.Advance(TimeSpan.FromSeconds(31));
        var second = contact.ReInvite("hash-2", clock.GetUtcNow());
        contact.PortalUser.Invitations.Where(i => i.IsOpen).ShouldHaveSingleItem().ShouldBeSameAs(second);

        clock.Advance(TimeSpan.FromSeconds(30));
        Should.Throw<DomainException>(() => contact.ReInvite("hash-3", clock.GetUtcNow()))
            .Error.ShouldBe(DomainErrors.InvitationJustSent);
    }

    [Fact]
    public void A_re_invite_refused_as_too_soon_leaves_a_corrected_email_unchanged()
    {
        var contact = Given.InvitedPerson();

        Should.Throw<DomainException>(() => contact.ReInvite("hash-2", Given.Now.AddSeconds(30), email: "anna.new@example.com"))
            .Error.ShouldBe(DomainErrors.InvitationJustSent);

        contact.Email.ShouldNotBe("anna.new@example.com");
    }

    [Fact]
    public void An_invited_users_login_follows_an_email_corrected_on_re_invite()
    {
        var contact = Given.InvitedPerson();

        contact.ReInvite("hash-2", Given.Now.AddHours(1), email: " Anna.New@Example.com");

        contact.Email.ShouldBe("Anna.New@Example.com");
        contact.PortalUser!.Login.ShouldBe("anna.new@example.com");
    }

    [Fact]
    public void Re_inviting_an_active_user_keeps_the_state_password_and_login_until_the_link_is_used()
    {
        var contact = Given.ActivePerson();
        var stamp = contact.PortalUser!.SecurityStamp;

        var invitation = contact.ReInvite("hash-2", Given.Now.AddDays(3));

        var user = contact.PortalUser;
        user.State.ShouldBe(PortalAccessState.Active);
        user.PasswordHash.ShouldBe("pw-hash");
        user.SecurityStamp.ShouldBe(stamp);
        user.CanSignIn.ShouldBeTrue();
        user.Login.ShouldBe("anna.berg@example.com");
        invitation.IsOpen.ShouldBeTrue();
        user.History.Last().Kind.ShouldBe(PortalAccessEventKind.ReInvited);
    }

    [Fact]
    public void An_active_users_email_cannot_change_through_re_invite()
    {
        var contact = Given.ActivePerson();

        var refused = Should.Throw<DomainException>(() => contact.ReInvite("hash-2", Given.Now.AddDays(1), email: "other@example.com"));

        refused.Error.ShouldBe(DomainErrors.EmailLockedByPortalAccess);
        contact.Email.ShouldBe("anna.berg@example.com");
        contact.PortalUser!.Login.ShouldBe("anna.berg@example.com");
        contact.PortalUser.Invitations.Count.ShouldBe(1);
        contact.PortalUser.History.Count.ShouldBe(2);
    }

    [Fact]
    public void Re_inviting_without_access_is_refused()
    {
        var contact = Given.Person();

        Should.Throw<DomainException>(() => contact.ReInvite("hash-1", Given.Now)).Error.ShouldBe(DomainErrors.AccessNotGranted);
        contact.PortalUser.ShouldBeNull();
    }

    [Fact]
    public void Re_inviting_after_a_revoke_is_refused()
    {
        var contact = Given.RevokedPerson();

        Should.Throw<DomainException>(() => contact.ReInvite("hash-2", Given.Now.AddDays(2))).Error.ShouldBe(DomainErrors.AccessNotGranted);
        contact.PortalUser!.Invitations.ShouldAllBe(i => !i.IsOpen);
        contact.PortalUser.State.ShouldBe(PortalAccessState.Revoked);
    }

    [Theory]
    [InlineData(EmailOwner.AnotherPortalUser, "Email.UsedByAnotherUser")]
    [InlineData(EmailOwner.InternalUser, "Email.InternalUser")]
    public void Re_inviting_an_invited_user_to_an_email_someone_else_holds_is_refused(EmailOwner owner, string code)
    {
        var contact = Given.InvitedPerson();

        var refused = Should.Throw<DomainException>(() =>
            contact.ReInvite("taken@example.com", owner, Given.Link("hash-2"), Given.Now.AddHours(1), Given.Validity, Given.Admin));

        refused.Code.ShouldBe(code);
        contact.Email.ShouldBe("anna.berg@example.com");
        contact.PortalUser!.Invitations.ShouldHaveSingleItem().IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void Re_inviting_to_an_invalid_email_is_refused()
    {
        var contact = Given.InvitedPerson();

        Should.Throw<DomainException>(() => contact.ReInvite("hash-2", Given.Now, email: "nope"))
            .Error.ShouldBe(DomainErrors.EmailInvalid);
    }
}
