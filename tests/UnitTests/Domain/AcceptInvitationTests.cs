using Portal.Domain.Common;
using Portal.Domain.PortalAccess;

namespace Portal.UnitTests.Domain;

public sealed class AcceptInvitationTests
{
    [Fact]
    public void Accepting_sets_the_password_activates_marks_the_link_used_rotates_the_stamp_and_records_Accepted()
    {
        var contact = Given.InvitedPerson();
        var user = contact.PortalUser!;
        var stamp = user.SecurityStamp;
        var at = Given.Now.AddHours(3);

        user.AcceptInvitation("hash-1", "pw-hash", at);

        user.State.ShouldBe(PortalAccessState.Active);
        user.PasswordHash.ShouldBe("pw-hash");
        user.CanSignIn.ShouldBeTrue();
        user.SecurityStamp.ShouldNotBe(stamp);
        user.SecurityStamp.Length.ShouldBe(32);
        var invitation = user.Invitations.Single();
        invitation.UsedAt.ShouldBe(at);
        invitation.IsOpen.ShouldBeFalse();
        var entry = user.History.Last();
        (entry.Kind, entry.OccurredAt, entry.Actor).ShouldBe((PortalAccessEventKind.Accepted, at, "anna.berg@example.com"));
    }

    [Fact]
    public void An_unknown_token_is_refused()
    {
        var user = Given.InvitedPerson().PortalUser!;

        Should.Throw<DomainException>(() => user.AcceptInvitation("hash-unknown", "pw-hash", Given.Now))
            .Error.ShouldBe(DomainErrors.InvitationUnknown);
        user.State.ShouldBe(PortalAccessState.Invited);
    }

    [Fact]
    public void A_used_link_is_refused()
    {
        var contact = Given.ActivePerson();

        Should.Throw<DomainException>(() => contact.Accept(at: Given.Now.AddHours(2), passwordHash: "other"))
            .Error.ShouldBe(DomainErrors.InvitationUsed);
        contact.PortalUser!.PasswordHash.ShouldBe("pw-hash");
    }

    [Fact]
    public void A_voided_link_is_refused_and_the_newer_one_works()
    {
        var contact = Given.InvitedPerson();
        contact.ReInvite("hash-2", Given.Now.AddHours(1));

        Should.Throw<DomainException>(() => contact.Accept("hash-1", Given.Now.AddHours(2)))
            .Error.ShouldBe(DomainErrors.InvitationVoided);

        contact.Accept("hash-2", Given.Now.AddHours(2));
        contact.PortalUser!.State.ShouldBe(PortalAccessState.Active);
    }

    [Fact]
    public void A_link_used_exactly_at_its_expiry_is_refused_as_expired()
    {
        var contact = Given.InvitedPerson();
        var user = contact.PortalUser!;
        var stamp = user.SecurityStamp;

        Should.Throw<DomainException>(() => contact.Accept(at: Given.Now + Given.Validity))
            .Error.ShouldBe(DomainErrors.InvitationExpired);

        user.State.ShouldBe(PortalAccessState.Invited);
        user.PasswordHash.ShouldBeNull();
        user.SecurityStamp.ShouldBe(stamp);
        user.Invitations.Single().UsedAt.ShouldBeNull();
        user.History.Count.ShouldBe(1);
    }

    [Fact]
    public void A_link_used_one_tick_before_its_expiry_works()
    {
        var contact = Given.InvitedPerson();

        contact.Accept(at: Given.Now + Given.Validity - TimeSpan.FromTicks(1));

        contact.PortalUser!.State.ShouldBe(PortalAccessState.Active);
    }

    [Fact]
    public void A_link_of_a_revoked_user_is_refused_as_revoked()
    {
        var contact = Given.InvitedPerson();
        contact.Revoke(Given.Now.AddHours(1));

        Should.Throw<DomainException>(() => contact.Accept(at: Given.Now.AddHours(2)))
            .Error.ShouldBe(DomainErrors.InvitationRevoked);
        contact.PortalUser!.State.ShouldBe(PortalAccessState.Revoked);
        contact.PortalUser.PasswordHash.ShouldBeNull();
    }

    [Fact]
    public void An_active_user_using_a_re_invite_link_gets_the_new_password_and_a_new_stamp()
    {
        var contact = Given.ActivePerson();
        contact.ReInvite("hash-2", Given.Now.AddDays(1));
        var stamp = contact.PortalUser!.SecurityStamp;

        contact.Accept("hash-2", Given.Now.AddDays(1).AddHours(1), "new-pw-hash");

        contact.PortalUser.State.ShouldBe(PortalAccessState.Active);
        contact.PortalUser.PasswordHash.ShouldBe("new-pw-hash");
        contact.PortalUser.SecurityStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void Why_a_link_does_not_work_is_answered_revoked_first_then_used_voided_expired()
    {
        var contact = Given.InvitedPerson();
        var first = contact.PortalUser!.Invitations.Single();
        first.Problem(Given.Now).ShouldBeNull();
        first.Problem(Given.Now + Given.Validity).ShouldBe(DomainErrors.InvitationExpired);

        var second = contact.ReInvite("hash-2", Given.Now.AddHours(1));
        first.Problem(Given.Now + Given.Validity).ShouldBe(DomainErrors.InvitationVoided);

        contact.Accept("hash-2", Given.Now.AddHours(2));
        second.Problem(Given.Now + TimeSpan.FromDays(30)).ShouldBe(DomainErrors.InvitationUsed);

        contact.Revoke(Given.Now.AddDays(1));
        first.Problem(Given.Now).ShouldBe(DomainErrors.InvitationRevoked);
        second.Problem(Given.Now).ShouldBe(DomainErrors.InvitationRevoked);
    }

    [Fact]
    public void An_invitation_remembers_the_mail_that_carries_it()
    {
        var invitation = Given.Person().Grant();
        var mailId = Guid.NewGuid();

        invitation.AttachMail(mailId);

        invitation.MailId.ShouldBe(mailId);
    }
}
