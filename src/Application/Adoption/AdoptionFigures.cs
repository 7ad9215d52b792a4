using System.Linq.Expressions;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Adoption;

/// <summary>Which contacts and which grants the dashboard's figures count: one company's or all, granted in a period.</summary>
/// <param name="GrantedFrom">Inclusive; null for all time.</param>
/// <param name="GrantedBefore">Exclusive; null for up to now.</param>
public sealed record AdoptionScope(int? CompanyId, DateTimeOffset? GrantedFrom, DateTimeOffset? GrantedBefore);

/// <summary>
/// The customers granted access in a scope, step by step: their invitation mail sent, accepted, and signed in within the
/// last <see cref="AdoptionFunnel.ActiveWithin"/>. Each step counts customers of the one before.
/// </summary>
public sealed record AdoptionFunnel(int Granted, int Delivered, int Accepted, int Active)
{
    public static readonly TimeSpan ActiveWithin = TimeSpan.FromDays(30);

    /// <summary>A step as a whole percentage of those granted (0 when none were); rounded, never above 100.</summary>
    public int PercentOfGranted(int step) =>
        Granted == 0 ? 0 : (int)Math.Min(100, Math.Round(100m * step / Granted, MidpointRounding.AwayFromZero));
}

/// <summary>One week of the chart: invitations accepted in it, and customers who signed in during it.</summary>
public sealed record AdoptionWeek(DateOnly StartsOn, int Accepted, int SignedIn);

/// <summary>The middle of a sorted list, read from the database as a short window of it.</summary>
public static class Median
{
    /// <summary>Which rows of a sorted list of <paramref name="count"/> hold its median: one when odd, the two middle ones when even.</summary>
    public static (int Skip, int Take) Window(int count) =>
        count <= 0 ? (0, 0) : count % 2 == 1 ? (count / 2, 1) : (count / 2 - 1, 2);

    /// <summary>The median from the rows <see cref="Window"/> names: the one, or the mean of the two; null for none.</summary>
    public static TimeSpan? Of(IReadOnlyList<TimeSpan> window) => window.Count switch
    {
        0 => null,
        1 => window[0],
        _ => TimeSpan.FromTicks((window[0].Ticks + window[1].Ticks) / 2),
    };
}

/// <summary>
/// The dashboard's aggregates, each one count on an index (grant and acceptance times on the portal user, sign-ins by kind
/// and time): no list of customers is ever read into memory.
/// </summary>
public interface IAdoptionFigures
{
    /// <param name="now">Whose last <see cref="AdoptionFunnel.ActiveWithin"/> makes a customer active.</param>
    Task<AdoptionFunnel> FunnelAsync(AdoptionScope scope, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The median time from grant to acceptance of the customers in the scope who accepted; null when none did.</summary>
    /// <param name="accepted">How many customers in the scope accepted (the funnel's step), which places the median.</param>
    Task<TimeSpan?> MedianTimeToAcceptAsync(AdoptionScope scope, int accepted, CancellationToken cancellationToken);

    /// <summary>Each of <paramref name="weeks"/> weeks from <paramref name="firstWeek"/> on, of one company's customers or all.</summary>
    Task<IReadOnlyList<AdoptionWeek>> WeeksAsync(int? companyId, DateOnly firstWeek, int weeks, CancellationToken cancellationToken);

    /// <summary>
    /// How many customers, of one company (<see cref="Contacts.ContactSelection.OfCompany"/>) or all, a condition holds for
    /// (<see cref="Contacts.AccessConditions.OnPortalUser"/>): the same count as the contacts list's for that filter and
    /// company, since each customer is exactly one contact, without walking the contacts.
    /// </summary>
    Task<int> CountCustomersAsync(int? companyId, Expression<Func<PortalUser, bool>> condition, CancellationToken cancellationToken);
}
