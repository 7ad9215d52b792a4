using Portal.Application.Account;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Security;

namespace Portal.Web.Pages.Account;

/// <summary>
/// The link from the notice to the old address. GET only shows what the button does (mail scanners that open links
/// consume nothing); the POST cancels the pending change and tells the back office.
/// </summary>
[OneTimeLinkPage]
public sealed class ReportEmailChangeModel : PortalPageModel
{
    public string? Problem { get; private set; }
    public string? NewEmail { get; private set; }
    public bool Reported { get; private set; }

    public async Task OnGetAsync(string token) => await DescribeAsync(token);

    public async Task OnPostAsync(string token)
    {
        var (succeeded, _) = await TrySendAsync(new ReportEmailChange(token), prefix: "");
        if (succeeded)
        {
            Reported = true;
            return;
        }
        await DescribeAsync(token);
        // A refusal the description already explains is shown once, in the box that explains it.
        if (Problem is not null) ModelState.Clear();
    }

    private async Task DescribeAsync(string token)
    {
        var report = await SendAsync(new GetEmailChangeReport(token));
        Problem = report.Problem is { } problem ? T.Refusal(problem).Value : null;
        NewEmail = report.NewEmail;
    }
}
