using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Adoption;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.Adoption;

/// <summary>How far back the dashboard's grants reach; <see cref="Between"/> takes two dates.</summary>
public enum AdoptionPeriod { Last30Days, Last90Days, Last12Months, AllTime, Between }

/// <summary>
/// Adoption at a glance: of the customers granted access in a period (of one company, or all), how many got their invitation
/// mail, accepted, and still sign in; how long accepting took; the last weeks' acceptances and sign-ins; and what needs
/// attention now, each a filter of the contacts list.
/// </summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record GetAdoptionDashboard(
    int? CompanyId = null,
    AdoptionPeriod Period = AdoptionPeriod.Last90Days,
    DateOnly? From = null,
    DateOnly? To = null) : IStaffRequest, IRequest<AdoptionDashboard>
{
    public const int Weeks = 12;

    /// <summary>What the dashboard's "needs attention" counts, in the order it shows them.</summary>
    public static readonly IReadOnlyList<AccessFilter> AttentionFilters =
    [
        AccessFilter.InvitationExpiringSoon, AccessFilter.InvitationExpired, AccessFilter.InvitationMailFailed,
        AccessFilter.Dormant, AccessFilter.LockedOut,
    ];

    /// <summary>The grants the period covers, at <paramref name="now"/>: a relative period runs up to now with no end.</summary>
    public AdoptionScope ScopeAt(DateTimeOffset now) => Period switch
    {
        AdoptionPeriod.Last30Days => new(CompanyId, now.AddDays(-30), null),
        AdoptionPeriod.Last90Days => new(CompanyId, now.AddDays(-90), null),
        AdoptionPeriod.Last12Months => new(CompanyId, now.AddMonths(-12), null),
        AdoptionPeriod.Between => new(CompanyId, StartOf(From!.Value), StartOf(To!.Value.AddDays(1))),
        _ => new(CompanyId, null, null),
    };

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

public sealed record AttentionCount(AccessFilter Filter, int Count);

public sealed record AdoptionDashboard(
    int? CompanyId,
    string? CompanyName,
    AdoptionScope Scope,
    AdoptionFunnel Funnel,
    TimeSpan? MedianTimeToAccept,
    IReadOnlyList<AdoptionWeek> Weeks,
    IReadOnlyList<AttentionCount> NeedsAttention,
    DateTimeOffset CountedAt);

public sealed class GetAdoptionDashboardValidator : AbstractValidator<GetAdoptionDashboard>
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public GetAdoptionDashboardValidator()
    {
        RuleFor(q => q.Period).IsInEnum().WithMessage("Please choose a period from the list.");
        When(q => q.Period == AdoptionPeriod.Between, () =>
        {
            RuleFor(q => q.From).NotNull().WithMessage("Please enter the first day of the period.");
            RuleFor(q => q.To).NotNull().WithMessage("Please enter the last day of the period.");
            RuleFor(q => q.From).InclusiveBetween(Earliest, Latest).When(q => q.From is not null)
                .WithMessage("Please enter a date between {0} and {1}.", Earliest.ToString("yyyy-MM-dd"), Latest.ToString("yyyy-MM-dd"));
            RuleFor(q => q.To).InclusiveBetween(Earliest, Latest).When(q => q.To is not null)
                .WithMessage("Please enter a date between {0} and {1}.", Earliest.ToString("yyyy-MM-dd"), Latest.ToString("yyyy-MM-dd"));
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
                .WithMessage("The last day of the period must not be before its first day.");
        });
        RuleFor(q => q.CompanyId).GreaterThan(0).WithMessage(UnknownCompany);
    }

    public const string UnknownCompany = "Please choose a company from the list.";
}

public sealed class GetAdoptionDashboardHandler(
    IAdoptionFigures figures,
    IReadRepository<Contact> contacts,
    AccessConditions conditions,
    AdoptionDashboardCache cache,
    TimeProvider clock) : IRequestHandler<GetAdoptionDashboard, AdoptionDashboard>
{
    public async ValueTask<AdoptionDashboard> Handle(GetAdoptionDashboard query, CancellationToken cancellationToken)
    {
        if (cache.TryGet(query, out var kept)) return kept;
        // Taken before counting: a save while counting makes this result stale at once, never a later one fresh.
        var version = cache.Version;
        var now = clock.GetUtcNow();
        string? companyName = null;
        if (query.CompanyId is { } companyId)
        {
            companyName = await contacts.FirstOrDefaultAsync(new CompanyNameSpec(companyId), cancellationToken)
                ?? throw new ValidationException([new ValidationFailure(nameof(query.CompanyId), GetAdoptionDashboardValidator.UnknownCompany)]);
        }

        var scope = query.ScopeAt(now);
        var funnel = await figures.FunnelAsync(scope, now, cancellationToken);
        var median = await figures.MedianTimeToAcceptAsync(scope, funnel.Accepted, cancellationToken);
        var weeks = await figures.WeeksAsync(query.CompanyId, FirstWeek(now), GetAdoptionDashboard.Weeks, cancellationToken);
        var attention = new List<AttentionCount>();
        foreach (var filter in GetAdoptionDashboard.AttentionFilters)
        {
            // The contacts list's own condition and company, so the figure and the list behind its link can't disagree, counted
            // on the customers alone.
            attention.Add(new(filter, await figures.CountCustomersAsync(query.CompanyId, conditions.OnPortalUser(filter), cancellationToken)));
        }

        var dashboard = new AdoptionDashboard(query.CompanyId, companyName, scope, funnel, median, weeks, attention, now);
        cache.Keep(query, dashboard, version);
        return dashboard;
    }

    /// <summary>The Monday (UTC) that starts the oldest week of the chart; the last week is the current one.</summary>
    public static DateOnly FirstWeek(DateTimeOffset now) =>
        CustomerSignInWeek.WeekOf(now).AddDays(-7 * (GetAdoptionDashboard.Weeks - 1));
}
