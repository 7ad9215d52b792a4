using Microsoft.AspNetCore.Mvc;
using Portal.Application.Adoption;
using Portal.Application.Contacts;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages;

/// <summary>
/// Adoption at a glance, for every staff role: the funnel from grant to regular use, the time to accept, the last weeks, and
/// what needs attention. The filter is a GET form; a company is picked by searching for it.
/// </summary>
public sealed class AdminIndexModel : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public int? Company { get; set; }
    [BindProperty(Name = "find", SupportsGet = true)] public string? CompanySearch { get; set; }
    [BindProperty(SupportsGet = true)] public AdoptionPeriod Period { get; set; } = AdoptionPeriod.Last90Days;
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public AdoptionDashboard? Dashboard { get; private set; }
    /// <summary>Several companies matched the search: the user picks one before anything is counted.</summary>
    public IReadOnlyList<CompanyOption> CompanyChoices { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // The binder's own complaints are in English and name no field the user knows; ours replace them.
        var unreadable = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
        ModelState.Clear();
        if (unreadable.Count > 0)
        {
            foreach (var key in unreadable)
            {
                ModelState.AddModelError(key, key.Equals(nameof(Period), StringComparison.OrdinalIgnoreCase)
                    ? T["Please choose a period from the list."]
                    : key.Equals(nameof(Company), StringComparison.OrdinalIgnoreCase)
                        ? T[GetAdoptionDashboardValidator.UnknownCompany]
                        : T["Please enter a date as year-month-day, e.g. 2026-03-31."]);
            }
            return;
        }

        if (!string.IsNullOrWhiteSpace(CompanySearch))
        {
            var matches = await SendAsync(new FindCompanies(CompanySearch));
            if (matches.Count == 0)
            {
                ModelState.AddModelError("find", T["No company matches “{0}”.", CompanySearch.Trim()]);
                return;
            }
            if (matches.Count > 1)
            {
                CompanyChoices = matches;
                return;
            }
            Company = matches[0].Id;
            CompanySearch = null;
        }

        var (counted, dashboard) = await TrySendAsync(new GetAdoptionDashboard(Company, Period, From, To), prefix: "");
        if (counted) Dashboard = dashboard;
    }

    /// <summary>This dashboard with another company (or none), keeping the period.</summary>
    public string LinkTo(int? company) => Url.Page("/Index", new
    {
        company,
        period = Period,
        from = Period == AdoptionPeriod.Between ? From?.ToString("yyyy-MM-dd") : null,
        to = Period == AdoptionPeriod.Between ? To?.ToString("yyyy-MM-dd") : null,
    })!;
}
