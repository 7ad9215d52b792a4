using Portal.Domain.Common;
using Portal.Domain.PortalAccess;

namespace Portal.UnitTests.Domain;

/// <summary>The last reminder some hours before an invitation ends, beside the one halfway.</summary>
public sealed class FinalReminderTests
{
    private static readonly TimeSpan Before = TimeSpan.FromHours(24);
    private static readonly DateTimeOffset Ends = Given.Now + Given.Validity;

    [Fact]
    public void It_is_due_the_chosen_hours_before_the_link_ends_and_only_once()
    {
        var user = Given.InvitedPerson().PortalUser!;
        var invitation = user.Invitations.Single();
        invitation.IsDueForFinalReminder(Ends - Before - TimeSpan.FromMinutes(1), Before).ShouldBeFalse();
        invitation.IsDueForFinalReminder(Ends - Before, Before).ShouldBeTrue();

        var reminder = user.RemindFinallyOfInvitation(Given.Link("final"), Ends - Before, Before);

        reminder.ExpiresAt.ShouldBe(Ends);
        invitation.FinalRemindedAt.ShouldBe(Ends - Before);
        user.Invitations.ShouldAllBe(i => !i.IsDueForFinalReminder(Ends - TimeSpan.FromHours(1), Before));
        Should.Throw<DomainException>(() => user.RemindFinallyOfInvitation(Given.Link("again"), Ends - TimeSpan.FromHours(1), Before))
            .Error.ShouldBe(DomainErrors.InvitationNotDueForReminder);
    }

    [Fact]
    public void It_follows_the_halfway_reminder_without_repeating_it_soon_after()
    {
        var user = Given.InvitedPerson().PortalUser!;
        var invitation = user.Invitations.Single();
        user.RemindOfInvitation(Given.Link("halfway"), invitation.RemindAt!.Value);

        invitation.IsDueForFinalReminder(Ends - Before, Before).ShouldBeTrue();
        user.Invitations.Single(i => i.TokenHash == "halfway").IsDueForFinalReminder(Ends - Before, Before)
            .ShouldBeFalse("a reminder's own link is never reminded of");
    }

    [Fact]
    public void A_link_younger_than_the_chosen_hours_gets_none()
    {
        var user = Given.InvitedPerson().PortalUser!;

        user.Invitations.Single().IsDueForFinalReminder(Ends - TimeSpan.FromHours(1), Given.Validity).ShouldBeFalse();
    }

    [Fact]
    public void An_accepted_or_ended_invitation_gets_none()
    {
        var active = Given.ActivePerson().PortalUser!;
        active.Invitations.Single().IsDueForFinalReminder(Ends - Before, Before).ShouldBeFalse();

        var invited = Given.InvitedPerson().PortalUser!;
        invited.Invitations.Single().IsDueForFinalReminder(Ends, Before).ShouldBeFalse();
    }
}
