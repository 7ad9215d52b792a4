using Portal.Application.PortalAccess;
using Portal.UnitTests.Domain;

namespace Portal.UnitTests.Application;

/// <summary>The query that finds last reminders asks the database what <c>Invitation.IsDueForFinalReminder</c> decides.</summary>
public sealed class FinalReminderSpecTests
{
    private static readonly TimeSpan Before = TimeSpan.FromHours(24);

    [Theory]
    [InlineData(0, false)]
    [InlineData(3 * 24, false)]
    [InlineData(6 * 24 - 1, false)]
    [InlineData(6 * 24, true)]
    [InlineData(7 * 24 - 1, true)]
    [InlineData(7 * 24, false)]
    public void Finds_an_invited_user_exactly_when_the_domain_says_the_last_reminder_is_due(int hoursAfterGrant, bool due)
    {
        var user = Given.InvitedPerson().PortalUser!;
        var now = Given.Now.AddHours(hoursAfterGrant);

        var found = new PortalUsersDueForFinalReminderSpec(now, Before, 10).Evaluate([user]).Any();

        found.ShouldBe(due);
        user.Invitations.Single().IsDueForFinalReminder(now, Before).ShouldBe(due);
    }

    [Fact]
    public void Skips_a_user_whose_halfway_reminder_went_out_less_than_the_chosen_hours_ago()
    {
        var user = Given.InvitedPerson().PortalUser!;
        user.RemindOfInvitation(Given.Link("late"), Given.Now.AddHours(6 * 24 - 2));

        new PortalUsersDueForFinalReminderSpec(Given.Now.AddHours(6 * 24), Before, 10).Evaluate([user]).ShouldBeEmpty();
    }
}
