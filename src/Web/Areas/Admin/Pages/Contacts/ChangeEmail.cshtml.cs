using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Contacts;
using Portal.Application.PortalAccess;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Areas.Admin.Pages.Contacts;

/// <summary>An admin starts the e-mail change of an active portal user; the customer confirms it from the new address.</summary>
public sealed class ChangeContactEmailModel : PortalPageModel
{
    public const string LinkSent =
        "A confirmation link has been sent to {0}. The e-mail address and the login change once the customer opens it.";

    public const string Cancelled = "The e-mail change has been cancelled; its confirmation link no longer works.";

    [FromRoute(Name = "id")] public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ContactView Contact { get; private set; } = null!;

    public async Task OnGetAsync() => Contact = await SendAsync(new GetContact(Id));

    public async Task<IActionResult> OnPostAsync()
    {
        var newEmail = Input.NewEmail?.Trim() ?? "";
        var (succeeded, _) = await TrySendAsync(new RequestContactEmailChange(Id, newEmail));
        if (succeeded)
        {
            TempData["Notice"] = T[LinkSent, newEmail].Value;
            return RedirectToPage("/Contacts/Details", new { id = Id });
        }
        Contact = await SendAsync(new GetContact(Id));
        return Page();
    }

    /// <summary>Withdraws the change still waiting for the customer (the button sits on the contact page).</summary>
    public async Task<IActionResult> OnPostCancelAsync()
    {
        var (succeeded, _) = await TrySendAsync(new CancelContactEmailChange(Id), prefix: "");
        TempData["Notice"] = succeeded ? T[Cancelled].Value : T.Refusal(Domain.Common.DomainErrors.NoEmailChangePending).Value;
        return RedirectToPage("/Contacts/Details", new { id = Id });
    }

    public sealed class InputModel
    {
        [Display(Name = "New e-mail address")]
        public string? NewEmail { get; set; }
    }
}
