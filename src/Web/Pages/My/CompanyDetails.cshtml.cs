using Microsoft.AspNetCore.Mvc;
using Portal.Application.CompanyAccounts;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.My;

/// <summary>
/// Saves the company's details a company administrator edited on /my/company, and shows the form again with the reasons when
/// refused. Not found for anyone else, and while the business doesn't let company administrators edit.
/// </summary>
public sealed class CompanyDetailsModel : PortalPageModel
{
    [BindProperty] public CompanyDetailsForm EditDetails { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!(await SendAsync(new GetMyCompanyInvitations())).CanEditDetails) return NotFound();
        EditDetails = CompanyDetailsForm.From(await SendAsync(new GetMyCompany()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && (await TrySendAsync(EditDetails.ToCommand(), prefix: nameof(EditDetails))).Succeeded)
        {
            TempData["Notice"] = T["The company details have been saved."].Value;
            return RedirectToPage("/My/Company");
        }
        return Page();
    }
}
