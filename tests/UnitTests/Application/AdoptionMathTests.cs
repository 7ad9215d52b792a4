using Portal.Application.Adoption;

namespace Portal.UnitTests.Application;

public sealed class AdoptionMathTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(2, 0, 2)]
    [InlineData(5, 2, 1)]
    [InlineData(6, 2, 2)]
    [InlineData(100_000, 49_999, 2)]
    public void The_median_is_read_as_the_middle_row_or_the_two_middle_rows(int count, int skip, int take) =>
        Median.Window(count).ShouldBe((skip, take));

    [Fact]
    public void The_median_of_an_odd_count_is_its_middle_value()
    {
        var sorted = new[] { 1, 2, 3, 50, 70 }.Select(h => TimeSpan.FromHours(h)).ToList();
        var (skip, take) = Median.Window(sorted.Count);

        Median.Of(sorted.Skip(skip).Take(take).ToList()).ShouldBe(TimeSpan.FromHours(3));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_its_two_middle_values()
    {
        var sorted = new[] { 1, 2, 5, 400 }.Select(h => TimeSpan.FromHours(h)).ToList();
        var (skip, take) = Median.Window(sorted.Count);

        Median.Of(sorted.Skip(skip).Take(take).ToList()).ShouldBe(TimeSpan.FromHours(3.5));
    }

    [Fact]
    public void There_is_no_median_without_an_acceptance() => Median.Of([]).ShouldBeNull();

    [Fact]
    public void Each_funnel_step_is_a_rounded_share_of_those_granted()
    {
        var funnel = new AdoptionFunnel(Granted: 3, Delivered: 3, Accepted: 2, Active: 1);

        funnel.PercentOfGranted(funnel.Granted).ShouldBe(100);
        funnel.PercentOfGranted(funnel.Accepted).ShouldBe(67);
        funnel.PercentOfGranted(funnel.Active).ShouldBe(33);
    }

    [Fact]
    public void A_funnel_without_grants_shows_zero_percent_rather_than_dividing_by_zero() =>
        new AdoptionFunnel(0, 0, 0, 0).PercentOfGranted(0).ShouldBe(0);

    [Fact]
    public void A_half_percent_rounds_up() => new AdoptionFunnel(200, 1, 1, 1).PercentOfGranted(1).ShouldBe(1);

    [Theory]
    [InlineData("2026-11-29T09:00:00Z", "2026-09-07")] // a Sunday: its week began on Monday the 23rd
    [InlineData("2026-11-30T00:00:00Z", "2026-09-14")] // a Monday starts a week of its own
    public void The_chart_ends_with_the_current_week_and_starts_eleven_weeks_before_it(string now, string firstMonday) =>
        GetAdoptionDashboardHandler.FirstWeek(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(firstMonday, System.Globalization.CultureInfo.InvariantCulture));
}
