using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

/// <summary>"Send me a new link" from an expired invitation or reset link: who gets one, how often, and what it records.</summary>
public sealed class LinkRenewalTests
{
    private static readonly DateTimeOffset AfterExpiry = Given.Now + Given.Validity + TimeSpan.FromHours(1);
    private static readonly TimeSpan ResetValidity = TimeSpan.FromHours(1);

    [Fact]
    public void An_expired_invitation_brings_a_new_link_recorded_as_the_customers_own_request()
    {
        var contact = Given.InvitedPerson();
        var user = contact.PortalUser!;

        var renewed = user.RenewInvitation("hash-1", Given.Link("hash-2"), AfterExpiry, Given.Validity);

        renewed.IsOpen.ShouldBeTrue();
        renewed.ExpiresAt.ShouldBe(AfterExpiry + Given.Validity);
        user.Invitations.Where(i => i.IsOpen).ShouldHaveSingleItem().ShouldBeSameAs(renewed);
        var entry = user.History.Last();
        (entry.Kind, entry.Actor, entry.ActorKind)
            .ShouldBe((PortalAccessEventKind.NewLinkRequested, contact.PortalUser!.Login, ActivityActorKind.Customer));
        var issued = user.DomainEvents.OfType<InvitationIssued>().Last();
        issued.IssuedBy.ShouldBe(Given.Admin, "the mail names whoever invited the customer");
        user.DomainEvents.OfType<ColleagueAccessChangedByCompany>().ShouldBeEmpty();
    }

    [Fact]
    public void A_link_replaced_by_a_re_invite_brings_a_new_one_too()
    {
        var contact = Given.InvitedPerson();
        contact.ReInvite("hash-2", Given.Now.AddHours(1));

        contact.PortalUser!.RenewInvitation("hash-1", Given.Link("hash-3"), Given.Now.AddHours(2), Given.Validity).IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void A_link_that_still_works_was_used_or_is_unknown_or_whose_access_was_revoked_brings_nothing()
    {
        var open = Given.InvitedPerson().PortalUser!;
        Refused(() => open.RenewInvitation("hash-1", Given.Link("new"), Given.Now.AddHours(1), Given.Validity));
        Refused(() => open.RenewInvitation("unknown", Given.Link("new"), AfterExpiry, Given.Validity));

        var active = Given.ActivePerson().PortalUser!;
        Refused(() => active.RenewInvitation("hash-1", Given.Link("new"), AfterExpiry, Given.Validity));

        var revoked = Given.InvitedPerson();
        revoked.Revoke(Given.Now.AddHours(1));
        Refused(() => revoked.PortalUser!.RenewInvitation("hash-1", Given.Link("new"), AfterExpiry, Given.Validity));
        revoked.PortalUser!.Invitations.ShouldHaveSingleItem();
    }

    [Fact]
    public void At_most_three_new_links_a_day_and_never_two_within_a_minute()
    {
        var user = Given.InvitedPerson().PortalUser!;
        var at = AfterExpiry;

        user.RenewInvitation("hash-1", Given.Link("r1"), at, Given.Validity);
        Refused(() => user.RenewInvitation("hash-1", Given.Link("r2"), at.AddSeconds(30), Given.Validity));
        user.RenewInvitation("hash-1", Given.Link("r2"), at.AddMinutes(2), Given.Validity);
        user.RenewInvitation("r1", Given.Link("r3"), at.AddMinutes(4), Given.Validity);
        Refused(() => user.RenewInvitation("r2", Given.Link("r4"), at.AddHours(23), Given.Validity));

        user.RenewInvitation("r2", Given.Link("r4"), at.AddDays(1).AddMinutes(1), Given.Validity).IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void An_expired_reset_link_brings_a_new_one_for_the_login_and_a_used_or_working_one_does_not()
    {
        var user = Given.ActivePerson().PortalUser!;
        var requested = Given.Now.AddDays(1);
        user.IssuePasswordReset(Given.Link("reset-1"), requested, ResetValidity);
        Refused(() => user.RenewPasswordReset("reset-1", Given.Link("reset-2"), requested.AddMinutes(5), ResetValidity));

        var renewed = user.RenewPasswordReset("reset-1", Given.Link("reset-2"), requested.AddHours(2), ResetValidity);

        renewed.IsUsable(requested.AddHours(2)).ShouldBeTrue();
        user.DomainEvents.OfType<PasswordResetRequested>().Count().ShouldBe(2);
        user.ResetPassword("reset-2", "new-hash", requested.AddHours(2).AddMinutes(1));
        Refused(() => user.RenewPasswordReset("reset-2", Given.Link("reset-3"), requested.AddHours(5), ResetValidity));
        Refused(() => user.RenewPasswordReset("unknown", Given.Link("reset-3"), requested.AddHours(5), ResetValidity));
    }

    [Fact]
    public void Reset_links_are_renewed_at_most_three_a_day_counting_every_reset_link()
    {
        var user = Given.ActivePerson().PortalUser!;
        var at = Given.Now.AddDays(1);
        user.IssuePasswordReset(Given.Link("reset-1"), at, ResetValidity);
        user.RenewPasswordReset("reset-1", Given.Link("reset-2"), at.AddHours(2), ResetValidity);
        user.RenewPasswordReset("reset-2", Given.Link("reset-3"), at.AddHours(4), ResetValidity);

        Refused(() => user.RenewPasswordReset("reset-3", Given.Link("reset-4"), at.AddHours(6), ResetValidity));
    }

    private static void Refused(Action renew) =>
        Should.Throw<DomainException>(renew).Error.ShouldBe(DomainErrors.NewLinkNotAvailable);
}
