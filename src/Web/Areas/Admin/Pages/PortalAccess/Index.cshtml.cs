using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.PortalAccess;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;

namespace Portal.Web.Areas.Admin.Pages.PortalAccess;

/// <summary>
/// The grant wizard: one row per chosen contact (plus a company's members). Each button acts on its row
/// alone; a refusal is shown in that row and changes nothing.
/// </summary>
public sealed class PortalAccessWizardModel : PortalPageModel
{
    [BindProperty] public Dictionary<int, string?> Emails { get; set; } = [];

    [BindProperty, Display(Name = "Welcome message")] public string? WelcomeMessage { get; set; }

    /// <summary>The rows whose grant also makes the person their company's administrator.</summary>
    [BindProperty] public List<int> CompanyAdministrators { get; set; } = [];

    public IReadOnlyList<PortalAccessRow> Rows { get; private set; } = [];
    public Dictionary<int, string> RowMessages { get; } = [];
    public Dictionary<int, string> RowErrors { get; } = [];

    private IReadOnlyList<int> Ids => Request.Query["ids"]
        .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
        .Where(id => id > 0)
        .Distinct()
        .Take(GetPortalAccessWizard.MaxContacts)
        .ToList();

    public string CloseUrl => (Ids.Count == 1 ? Url.Page("/Contacts/Details", new { id = Ids[0] }) : Url.Page("/Contacts/Index"))!;

    public string ActionUrl(string? handler)
    {
        var query = string.Join("&", Ids.Select(id => $"ids={id}"));
        var page = Url.Page("/PortalAccess/Index");
        return handler is null ? $"{page}?{query}" : $"{page}?handler={handler}&{query}";
    }

    public string? EmailFor(PortalAccessRow row) => Emails.TryGetValue(row.ContactId, out var posted) ? posted : row.Email;

    public async Task OnGetAsync()
    {
        if (TempData["WizardRow"] is int contactId && TempData["WizardMessage"] is string message) RowMessages[contactId] = message;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostStayAsync()
    {
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostGrantAsync(int contactId) =>
        ActAsync(contactId, new GrantPortalAccess(contactId, PostedEmail(contactId), WelcomeMessage,
                CompanyAdministrators.Contains(contactId)),
            "Access granted. The invitation e-mail is on its way.");

    public Task<IActionResult> OnPostReInviteAsync(int contactId) =>
        ActAsync(contactId, new ReInvitePortalUser(contactId, PostedEmail(contactId), WelcomeMessage),
            "A new invitation is on its way; older links no longer work.");

    public Task<IActionResult> OnPostRevokeAsync(int contactId) =>
        ActAsync(contactId, new RevokePortalAccess(contactId), "Access revoked. Every session of this customer has ended.");

    private string? PostedEmail(int contactId) => Emails.TryGetValue(contactId, out var email) ? email?.Trim() : null;

    private async Task<IActionResult> ActAsync(int contactId, Mediator.IRequest<Mediator.Unit> command, string success)
    {
        if (!Ids.Contains(contactId) && !(await RowsAsync()).Any(r => r.ContactId == contactId)) return NotFound();
        try
        {
            await SendAsync(command);
        }
        catch (Exception e) when (RefusalText(e) is { } reason)
        {
            RowErrors[contactId] = reason;
            await LoadAsync();
            return Page();
        }
        TempData["WizardRow"] = contactId;
        TempData["WizardMessage"] = T[success].Value;
        return Redirect(ActionUrl(null));
    }

    private Task<IReadOnlyList<PortalAccessRow>> RowsAsync() => SendAsync(new GetPortalAccessWizard(Ids)).AsTask();

    private async Task LoadAsync() => Rows = await RowsAsync();
}
