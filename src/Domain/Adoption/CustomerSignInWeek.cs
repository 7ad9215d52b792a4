namespace Portal.Domain.Adoption;

/// <summary>
/// A customer signed in at least once in the week that starts on <see cref="WeekStart"/> (a Monday, UTC): one row however
/// often they signed in, so the dashboard counts a week's customers as rows instead of sifting every sign-in for distinct
/// users. Written with each sign-in, insert-if-absent; goes with its user.
/// </summary>
public sealed class CustomerSignInWeek
{
    private CustomerSignInWeek() { }

    public int PortalUserId { get; private set; }
    public DateOnly WeekStart { get; private set; }

    /// <summary>The Monday (UTC) that starts the week of <paramref name="instant"/>.</summary>
    public static DateOnly WeekOf(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(instant.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
