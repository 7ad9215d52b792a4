using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Web.Infrastructure.PageModels;
using Portal.Web.Infrastructure.Presentation;
using Portal.Web.Pages.Shared;

namespace Portal.Web.Areas.Admin.Pages.Contacts;

/// <summary>Creates a contact (at /admin/contacts/new) or edits one.</summary>
public sealed class EditContactModel : PortalPageModel
{
    [FromRoute(Name = "id")] public int? Id { get; set; }

    [BindProperty] public ContactKind Kind { get; set; } = ContactKind.Person;

    [BindProperty, Display(Name = "E-mail")] public string? Email { get; set; }

    [BindProperty, Display(Name = "Company")] public int? CompanyId { get; set; }

    [BindProperty, Display(Name = "External reference")] public string? ExternalReference { get; set; }

    [BindProperty] public ContactDetailsInput Details { get; set; } = new();

    /// <summary>When the contact was last changed as this form read it: a save over someone else's later change is refused.</summary>
    [BindProperty] public long? Version { get; set; }

    public IReadOnlyList<CompanyOption> Companies { get; private set; } = [];
    public string? OriginalName { get; private set; }
    public bool EmailLocked { get; private set; }
    /// <summary>An active customer's address changes only with their confirmation, through the change page.</summary>
    public bool EmailChangeable { get; private set; }

    public async Task OnGetAsync()
    {
        if (Id is { } id)
        {
            var contact = await SendAsync(new GetContact(id));
            Kind = contact.Kind;
            Email = contact.Email;
            CompanyId = contact.CompanyId;
            ExternalReference = contact.ExternalReference;
            Details = ContactDetailsInput.From(contact.Details);
            Version = contact.UpdatedAt?.UtcTicks;
        }
        else if (Request.Query["kind"] == "company")
        {
            Kind = ContactKind.Company;
        }
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Enum.IsDefined(Kind)) Kind = ContactKind.Person;
        if (ModelState.IsValid)
        {
            var (succeeded, id) = await TrySendAsync(
                new SaveContact(Id, Kind, Email, Kind == ContactKind.Person ? CompanyId : null, Details.ToDetails(),
                    ExternalReference, ReadVersion()), prefix: "");
            if (succeeded)
            {
                TempData["Notice"] = T["The contact has been saved."].Value;
                return RedirectToPage("/Contacts/Details", new { id });
            }
        }
        await LoadAsync();
        return Page();
    }

    private DateTimeOffset? ReadVersion() =>
        Version is { } ticks && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    private async Task LoadAsync()
    {
        Companies = (await SendAsync(new ListCompanies())).Where(c => c.Id != Id).ToList();
        if (Id is { } id)
        {
            var contact = await SendAsync(new GetContact(id));
            OriginalName = contact.Name;
            EmailLocked = contact.Access?.State
                is Domain.PortalAccess.PortalAccessState.Invited or Domain.PortalAccess.PortalAccessState.Active;
            if (EmailLocked) Email = contact.Email;
            EmailChangeable = contact.Access?.State == Domain.PortalAccess.PortalAccessState.Active;
        }
    }
}
