using Portal.Application.Adoption;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>
/// The dashboard counts on indexes: SQLite's plan for every query it runs (whole portal and one company; all time and a date
/// range) reads no table from end to end; the median of the whole portal sorts nothing, and the whole portal is counted on
/// the customers alone, never on the contacts.
/// </summary>
public sealed class AdoptionDashboardPlanTests : HandlerTest
{
    private readonly List<CapturedQuery> _queries = [];

    private async Task<IReadOnlyList<(string Sql, string Plan)>> PlansOfAsync(GetAdoptionDashboard query)
    {
        _queries.Clear();
        Hooks.OnQuery = command => _queries.Add(CapturedQuery.Of(command));
        await SendAsync(query);
        Hooks.OnQuery = null;

        var plans = new List<(string, string)>();
        foreach (var captured in _queries) plans.Add((captured.Sql, await captured.PlanAsync(Database.ConnectionString)));
        return plans;
    }

    [Theory]
    [InlineData(false, AdoptionPeriod.AllTime)]
    [InlineData(false, AdoptionPeriod.Last90Days)]
    [InlineData(false, AdoptionPeriod.Between)]
    [InlineData(true, AdoptionPeriod.AllTime)]
    [InlineData(true, AdoptionPeriod.Between)]
    public async Task Every_dashboard_query_is_answered_from_indexes(bool oneCompany, AdoptionPeriod period)
    {
        var company = await AddCompanyAsync("Plan GmbH", "info@plan.example");
        var anna = await AddPersonAsync("Anna Plan", "anna@plan.example", companyId: company);
        var bernd = await AddPersonAsync("Bernd Plan", "bernd@plan.example");
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");
        await SeedGrantAsync(bernd);

        var plans = await PlansOfAsync(new GetAdoptionDashboard(oneCompany ? company : null, period,
            period == AdoptionPeriod.Between ? new DateOnly(2026, 1, 1) : null,
            period == AdoptionPeriod.Between ? new DateOnly(2026, 12, 31) : null));

        plans.Count.ShouldBeGreaterThanOrEqualTo(9,
            "the funnel, the median's window, the twelve weeks' acceptances and kept sign-in weeks, five needs-attention counts");
        plans.ShouldContain(p => p.Sql.Contains("\"CustomerSignInWeeks\"", StringComparison.Ordinal), "the weeks' customers come from the kept weeks");
        plans.ShouldNotContain(p => p.Sql.Contains("\"SecurityEvents\"", StringComparison.Ordinal), "no sign-in is read one by one");
        if (!oneCompany) plans.ShouldNotContain(p => p.Sql.Contains("\"Contacts\"", StringComparison.Ordinal), "each customer is one contact");
        var costly = plans.Where(p => Costly(p.Plan, sortsAll: !oneCompany))
            .Select(p => $"{p.Plan}\nof\n{p.Sql}").ToList();
        costly.ShouldBeEmpty();
    }

    /// <summary>
    /// A whole table read, also where it builds a list for an IN (every customer's id, every failed mail's): what cost seconds
    /// at 100,000 contacts. A subquery's own result (a co-routine) is read through once, which is fine. With
    /// <paramref name="sortsAll"/> (the whole portal, any period), the median's window over the period's acceptances must come
    /// from its index in order: sorting them all would be the largest sort there is.
    /// </summary>
    private static bool Costly(string plan, bool sortsAll)
    {
        var steps = plan.Split('\n').Select(s => s.Trim()).ToList();
        var subqueries = steps.Where(s => s.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || s.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
            .Select(s => s.Split(' ')[1]).ToHashSet();
        return steps.Any(step =>
            (step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.Contains("COVERING INDEX", StringComparison.Ordinal)
                && !subqueries.Contains(step.Split(' ')[1]))
            || (sortsAll && step.Contains("FOR ORDER BY", StringComparison.Ordinal)));
    }
}
