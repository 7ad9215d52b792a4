using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Contacts;
using Portal.Application.PortalAccess.Jobs;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.PortalAccess.Jobs;

/// <summary>
/// Confirms a job over every contact the contacts list's search and filter match: states the number and the selection
/// (and, for a revoke, that those customers' sessions end); the POST starts the job and shows its page.
/// </summary>
public sealed class NewPortalAccessJobModel : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public PortalAccessJobKind Kind { get; set; } = PortalAccessJobKind.Grant;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AccessFilter Access { get; set; }
    [BindProperty(SupportsGet = true)] public int? Company { get; set; }

    [BindProperty, Display(Name = "Welcome message")] public string? WelcomeMessage { get; set; }

    public int Count { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        ModelState.Clear();
        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(Access)) return NotFound();
        Count = await SendAsync(new CountMatchingContacts(Q, Access, Company));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(Access)) return BadRequest();
        var (started, jobId) = await TrySendAsync(new StartPortalAccessJob(Kind, Q, Access, WelcomeMessage, Company), prefix: "");
        if (started) return RedirectToPage("/PortalAccess/Jobs/Details", new { id = jobId });
        Count = await SendAsync(new CountMatchingContacts(Q, Access, Company));
        return Page();
    }
}
