using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages.Account;

/// <summary>
/// The one answer to "send me a new link" from an expired invitation or reset link; it names no address and says the same
/// whether a mail went out or not.
/// </summary>
public sealed class NewLinkSentModel : PageModel
{
    public void OnGet() { }
}
