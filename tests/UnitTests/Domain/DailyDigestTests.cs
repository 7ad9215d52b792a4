using Portal.Domain.Adoption;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.UnitTests.Domain;

public sealed class DailyDigestTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DailyDigestSchedule SevenUtc = new(7, TimeZoneInfo.Utc);
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static DateTimeOffset Utc(int hour, int minute = 0) => new(2026, 12, 2, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Nothing_is_due_before_the_hour() => SevenUtc.DueDay(Utc(6, 59), null).ShouldBeNull();

    [Fact]
    public void From_the_hour_the_day_is_due_until_it_was_sent()
    {
        SevenUtc.DueDay(Utc(7), null).ShouldBe(Today);
        SevenUtc.DueDay(Utc(23, 59), Today.AddDays(-1)).ShouldBe(Today, "an instance down at the hour sends it later that day");
        SevenUtc.DueDay(Utc(7, 5), Today).ShouldBeNull("once a day");
    }

    [Fact]
    public void The_next_day_is_due_again_from_its_hour()
    {
        var tomorrow = Utc(7).AddDays(1);
        SevenUtc.DueDay(tomorrow.AddMinutes(-1), Today).ShouldBeNull();
        SevenUtc.DueDay(tomorrow, Today).ShouldBe(Today.AddDays(1));
    }

    [Fact]
    public void The_hour_and_the_day_are_the_business_time_zones()
    {
        var schedule = new DailyDigestSchedule(7, Berlin);

        schedule.DueDay(Utc(5, 59), null).ShouldBeNull("05:59 UTC is 06:59 in Berlin in December");
        schedule.DueDay(Utc(6), null).ShouldBe(Today);
        schedule.DayAt(Utc(23, 30)).ShouldBe(Today.AddDays(1), "half past midnight in Berlin is already the next day");
    }

    [Fact]
    public void A_digest_with_nothing_in_it_or_nobody_to_send_it_to_records_the_day_and_sends_nothing()
    {
        DigestRecipient[] paula = [new(1, "paula@portal.example", "Paula", "de")];
        DigestSection[] empty = [new(DigestSectionKind.Expired, 0, [])];
        DigestSection[] one = [new(DigestSectionKind.Expired, 1, [new(7, "Eva", "eva@example.com", Utc(1))])];

        var nothing = DailyDigestRun.Compile(Today, Utc(7), paula, empty);
        var nobody = DailyDigestRun.Compile(Today, Utc(7), [], one);
        var sent = DailyDigestRun.Compile(Today, Utc(7), paula, one);

        (nothing.Day, nothing.Recipients, nothing.DomainEvents.Count).ShouldBe((Today, 0, 0));
        (nobody.Recipients, nobody.DomainEvents.Count).ShouldBe((0, 0));
        sent.Recipients.ShouldBe(1);
        sent.DomainEvents.Single().ShouldBeOfType<DailyDigestCompiled>().Recipients.ShouldBe(paula);
    }

    [Fact]
    public void A_read_only_colleague_cannot_ask_for_the_digest_but_anyone_can_stop_it()
    {
        var readOnly = StaffTests.Active(StaffRole.ReadOnly);

        Should.Throw<DomainException>(() => readOnly.ChooseDailyDigest(true)).Error.ShouldBe(DomainErrors.DailyDigestNotForRole);
        readOnly.ChooseDailyDigest(false).ShouldBeFalse();
        readOnly.ReceivesDailyDigest.ShouldBeFalse();
    }

    [Fact]
    public void A_manager_demoted_to_read_only_no_longer_receives_the_digest_and_a_deactivated_one_neither()
    {
        var demoted = StaffTests.Active(StaffRole.PortalManager);
        var deactivated = StaffTests.Active(StaffRole.PortalManager);
        var admin = StaffTests.Active(StaffRole.Administrator);
        foreach (var colleague in new[] { demoted, deactivated }) colleague.ChooseDailyDigest(true).ShouldBeTrue();
        demoted.ReceivesDailyDigest.ShouldBeTrue();

        var roster = new StaffRoster([admin]);
        roster.ChangeRole(demoted, StaffRole.ReadOnly, Given.Now.AddDays(1), Given.Admin);
        roster.Deactivate(deactivated, byThemselves: false, Given.Now.AddDays(1), Given.Admin);

        (demoted.DailyDigest, demoted.ReceivesDailyDigest).ShouldBe((false, false));
        (deactivated.DailyDigest, deactivated.ReceivesDailyDigest).ShouldBe((true, false));
    }
}
