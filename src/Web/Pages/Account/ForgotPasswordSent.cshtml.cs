using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages.Account;

/// <summary>The one answer to every reset request; it names no address, so it is the same for every one.</summary>
public sealed class ForgotPasswordSentModel : PageModel
{
    public void OnGet() { }
}
