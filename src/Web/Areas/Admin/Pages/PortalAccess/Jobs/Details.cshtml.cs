using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.PortalAccess.Jobs;
using Portal.Web.Infrastructure.Presentation;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.PortalAccess.Jobs;

/// <summary>
/// A job's progress (which a script refreshes from <see cref="OnGetProgressAsync"/> every second; without script the page
/// shows the same figures and a refresh link) and, once finished, its rows' results, filterable and as CSV.
/// </summary>
public sealed class PortalAccessJobModel : KeysetListPageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public JobResultFilter Show { get; set; }

    public PortalAccessJobProgress Progress { get; private set; } = null!;
    public KeysetPage<JobResultRow>? Results { get; private set; }
    public Pager? Pager => Results is null ? null : Pager.For(Results, paging => LinkTo(Show, paging));

    public async Task<IActionResult> OnGetAsync()
    {
        ModelState.Clear();
        if (!Enum.IsDefined(Show)) Show = JobResultFilter.All;
        Progress = await SendAsync(new GetPortalAccessJob(Id));
        if (Progress.Job.FinishedAt is not null) Results = await SendAsync(new ListPortalAccessJobResults(Id, Show, Paging));
        return Page();
    }

    /// <summary>Stops the job; a job that finished meanwhile shows why it can't be stopped any more.</summary>
    public async Task<IActionResult> OnPostCancelAsync()
    {
        var (cancelled, _) = await TrySendAsync(new CancelPortalAccessJob(Id), prefix: "");
        if (cancelled) return RedirectToPage("/PortalAccess/Jobs/Details", new { id = Id });
        return await OnGetWithErrorsAsync();
    }

    private async Task<IActionResult> OnGetWithErrorsAsync()
    {
        Show = JobResultFilter.All;
        Progress = await SendAsync(new GetPortalAccessJob(Id));
        if (Progress.Job.FinishedAt is not null) Results = await SendAsync(new ListPortalAccessJobResults(Id, Show, Paging));
        return Page();
    }

    /// <summary>The figures the page's script writes into the page, already in the reader's format.</summary>
    public async Task<IActionResult> OnGetProgressAsync()
    {
        var progress = await SendAsync(new GetPortalAccessJob(Id));
        return new JsonResult(new
        {
            progress.Job.Total,
            progress.Job.Done,
            progress.Job.Refused,
            progress.Remaining,
            finished = progress.Job.FinishedAt is not null,
            text = JobDisplay.Figures(T, progress),
        });
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!Enum.IsDefined(Show)) Show = JobResultFilter.All;
        await SendAsync(new GetPortalAccessJob(Id));
        var csv = await SendAsync(new ExportPortalAccessJobResults(Id, Show,
            [T["Contact"], T["Name"], T["E-mail"], T["Outcome"], T["Reason"]],
            row => [row.ContactId.ToString(CultureInfo.InvariantCulture), row.Name, row.Email, T.JobOutcome(row.Outcome),
                T.JobReason(row.Reason)]));
        return File(csv, "text/csv; charset=utf-8", $"job-{Id}-{Show.ToString().ToLowerInvariant()}.csv");
    }

    public string LinkTo(JobResultFilter show, PageRequest? paging = null) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Url.Page("/PortalAccess/Jobs/Details", new { id = Id })!,
            new[] { new KeyValuePair<string, string?>("show", show.ToString()) }
                .Concat(Pager.QueryOf(paging ?? PageRequest.First)).Where(p => !string.IsNullOrEmpty(p.Value)));
}
