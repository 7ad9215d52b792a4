using Microsoft.AspNetCore.Mvc;
using Portal.Application.Common;
using Portal.Application.CompanyAccounts;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Pages.My;

/// <summary>A company administrator's own company: details and people. Anyone else gets 404 from the application layer.</summary>
public sealed class MyCompanyModel : KeysetListPageModel
{
    public MyCompanyView Company { get; private set; } = null!;
    public MyCompanyInvitations Invitations { get; private set; } = null!;
    public CompanyDetailsForm EditDetails { get; private set; } = new();
    public Pager Pager => Pager.For(Company.People, LinkTo);

    public async Task OnGetAsync()
    {
        Company = await SendAsync(new GetMyCompany(Paging));
        Invitations = await SendAsync(new GetMyCompanyInvitations());
        EditDetails = CompanyDetailsForm.From(Company);
    }

    private string LinkTo(PageRequest paging) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Url.Page("/My/Company")!,
            Pager.QueryOf(paging).Where(p => !string.IsNullOrEmpty(p.Value)));
}
