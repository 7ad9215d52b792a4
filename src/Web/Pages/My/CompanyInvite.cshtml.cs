using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.CompanyAccounts;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.My;

/// <summary>
/// A company administrator invites a colleague (or, with staff approval on, asks for it). Not found for anyone else, and while
/// the business has colleague invitations switched off.
/// </summary>
public sealed class CompanyInviteModel : PortalPageModel
{
    public const string Invited = "{0} was invited and will receive an e-mail with a link to set a password.";
    public const string Requested = "Your request to invite {0} was sent. We will let you know by e-mail once it has been decided.";

    [BindProperty] public InviteInput Input { get; set; } = new();

    public MyCompanyInvitations Invitations { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        Invitations = await SendAsync(new GetMyCompanyInvitations());
        if (!Invitations.CanInvite) return NotFound();
        Input.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? "de" : "en";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var (succeeded, outcome) = await TrySendAsync(new InviteColleague(Input.Name, Input.Email, Input.Language));
            if (succeeded)
            {
                TempData["Notice"] = T[outcome == ColleagueInvitationOutcome.Invited ? Invited : Requested, Input.Name!.Trim()].Value;
                return RedirectToPage("/My/Company");
            }
        }
        Invitations = await SendAsync(new GetMyCompanyInvitations());
        return Page();
    }

    public sealed class InviteInput
    {
        [Display(Name = "Name")] public string? Name { get; set; }
        [Display(Name = "E-mail")] public string? Email { get; set; }
        [Display(Name = "Language of the invitation")] public string? Language { get; set; } = "en";
    }
}
