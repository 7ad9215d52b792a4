using Microsoft.EntityFrameworkCore;
using Portal.Application.Adoption;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>
/// The daily digest on a real database with a fake clock (the test starts on 2 March 2026, 09:00 UTC; the digest's hour is 7,
/// UTC). Each round is a request of its own, with nothing kept in memory between rounds, as after a restart.
/// </summary>
public sealed class DailyDigestHandlerTests : HandlerTest
{
    private const string Paula = "paula.manager@portal.example";

    private async Task<int?> RoundAsync()
    {
        using var request = NewRequest();
        return await request.Resolve<DailyDigests>().SendIfDueAsync(CancellationToken.None);
    }

    private async Task<int> MailsToAsync(string address)
    {
        await using var db = Database.CreateContext();
        return await db.OutboxMessages.CountAsync(m => m.ToAddress == address);
    }

    private async Task OptInAsync(string email, StaffRole role)
    {
        var id = await AddInternalUserAsync(email, "Paula Manager", "Quiet-Lighthouse-Orchard-77", role);
        await using var db = Database.CreateContext();
        (await db.InternalUsers.SingleAsync(u => u.Id == id)).ChooseDailyDigest(true);
        await db.SaveChangesAsync();
    }

    /// <summary>An invitation granted now ends in 7 days: moving to <paramref name="day"/> at <paramref name="hour"/>.</summary>
    private void MoveTo(int day, int hour) =>
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, day, hour, 0, 0, TimeSpan.Zero));

    private async Task SeedExpiredInvitationAsync()
    {
        await SeedGrantAsync(await AddPersonAsync("Eva Expired", "eva.expired@example.com"));
    }

    [Fact]
    public async Task Nothing_goes_out_before_the_hour_once_from_the_hour_and_again_the_next_day()
    {
        await OptInAsync(Paula, StaffRole.PortalManager);
        await SeedExpiredInvitationAsync();

        MoveTo(10, 6);
        (await RoundAsync()).ShouldBeNull("before 07:00");
        MoveTo(10, 7);
        (await RoundAsync()).ShouldBe(1);
        Clock.Advance(TimeSpan.FromMinutes(5));
        (await RoundAsync()).ShouldBeNull("once a day");
        MoveTo(11, 6);
        (await RoundAsync()).ShouldBeNull();
        MoveTo(11, 7);
        (await RoundAsync()).ShouldBe(1);

        (await MailsToAsync(Paula)).ShouldBe(2);
    }

    [Fact]
    public async Task A_restart_after_the_day_was_sent_sends_nothing_more_and_a_missed_hour_is_caught_up_later_that_day()
    {
        await OptInAsync(Paula, StaffRole.PortalManager);
        await SeedExpiredInvitationAsync();

        MoveTo(10, 15);
        (await RoundAsync()).ShouldBe(1, "down at 07:00, up again at 15:00: the day's digest still goes out");
        Clock.Advance(TimeSpan.FromHours(1));
        (await RoundAsync()).ShouldBeNull("the stored day outlives the instance that sent it");

        (await MailsToAsync(Paula)).ShouldBe(1);
        await using var db = Database.CreateContext();
        (await db.DailyDigestRuns.SingleAsync()).Day.ShouldBe(new DateOnly(2026, 3, 10));
    }

    [Fact]
    public async Task A_day_with_nothing_to_report_sends_no_mail_and_counts_as_done()
    {
        await OptInAsync(Paula, StaffRole.PortalManager);

        MoveTo(10, 7);
        (await RoundAsync()).ShouldBe(0);
        await SeedExpiredInvitationAsync();
        (await RoundAsync()).ShouldBeNull("the day's digest was compiled, empty");

        (await MailsToAsync(Paula)).ShouldBe(0);
    }

    [Fact]
    public async Task Only_colleagues_who_asked_and_may_re_invite_get_it()
    {
        await OptInAsync(Paula, StaffRole.Administrator);
        await AddInternalUserAsync("quiet.manager@portal.example", "Quiet", "Quiet-Lighthouse-Orchard-77", StaffRole.PortalManager);
        var readOnly = await AddInternalUserAsync("rolf.reader@portal.example", "Rolf", "Quiet-Lighthouse-Orchard-77", StaffRole.ReadOnly);
        await using (var db = Database.CreateContext())
        {
            // Asked as a manager, then made read-only by a change the domain doesn't see (a role edited in the database).
            await db.InternalUsers.Where(u => u.Id == readOnly).ExecuteUpdateAsync(s => s.SetProperty(u => u.DailyDigest, true));
        }
        await SeedExpiredInvitationAsync();

        MoveTo(10, 7);
        (await RoundAsync()).ShouldBe(1);

        (await MailsToAsync(Paula)).ShouldBe(1);
        (await MailsToAsync("quiet.manager@portal.example")).ShouldBe(0);
        (await MailsToAsync("rolf.reader@portal.example")).ShouldBe(0);
    }
}
