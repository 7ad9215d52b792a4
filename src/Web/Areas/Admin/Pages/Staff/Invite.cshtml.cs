using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Staff;
using Portal.Domain.Users;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Areas.Admin.Pages.Staff;

/// <summary>Invites a colleague: e-mail, name and role; the invitation e-mail goes out with a one-time link.</summary>
public sealed class InviteStaffModel : PortalPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() =>
        Input.Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? "de" : "en";

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Role is not { } role || !Enum.IsDefined(role))
        {
            ModelState.AddModelError("Input.Role", T.Refusal(Domain.Common.DomainErrors.StaffRoleInvalid));
            return Page();
        }
        try
        {
            await SendAsync(new InviteStaffMember(Input.Email?.Trim() ?? "", Input.DisplayName ?? "", role, Input.Language));
        }
        catch (FluentValidation.ValidationException e)
        {
            foreach (var failure in e.Errors) ModelState.AddModelError($"Input.{failure.PropertyName}", FailureText(failure));
            return Page();
        }
        catch (Exception e) when (RefusalText(e) is { } reason)
        {
            // A refusal about the e-mail or name belongs next to that field; anything else goes on top.
            ModelState.AddModelError(FieldOf(e), reason);
            return Page();
        }
        TempData["Notice"] = T["The invitation e-mail to {0} is on its way.", Input.Email!.Trim()].Value;
        return RedirectToPage("/Staff/Index");
    }

    private static string FieldOf(Exception refusal) => (refusal as Domain.Common.DomainException)?.Code switch
    {
        "Email.UsedByAnotherUser" or "Staff.EmailInvalid" => "Input.Email",
        "Staff.NameInvalid" => "Input.DisplayName",
        "Staff.RoleInvalid" => "Input.Role",
        _ => string.Empty,
    };

    public sealed class InputModel
    {
        [Display(Name = "E-mail")]
        public string? Email { get; set; }

        [Display(Name = "Name")]
        public string? DisplayName { get; set; }

        [Display(Name = "Role")]
        public StaffRole? Role { get; set; }

        [Display(Name = "Language of the invitation")]
        public string? Language { get; set; } = "en";
    }
}
