using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.ApiKeys;
using Portal.Domain.Users;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Areas.Admin.Pages.Settings;

/// <summary>
/// The keys other systems call the integration API with. A new key's secret is shown once, on the page the form redirects
/// to, and never again (only its hash is stored); revoking a key refuses its very next call.
/// </summary>
public sealed class ApiKeysModel(TimeProvider clock) : PortalPageModel
{
    // TempData is a data-protected cookie here: the secret crosses the redirect unreadable, and the GET that reads it removes it.
    private const string CreatedNameKey = "ApiKeys.CreatedName";
    private const string CreatedSecretKey = "ApiKeys.CreatedSecret";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ApiKeyRow> Keys { get; private set; } = [];

    /// <summary>The key just created, shown once.</summary>
    public NewKey? Created { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public static IReadOnlyList<StaffRole> Roles { get; } = [StaffRole.PortalManager, StaffRole.ReadOnly];

    public async Task OnGetAsync()
    {
        if (TempData[CreatedNameKey] is string name && TempData[CreatedSecretKey] is string secret) Created = new NewKey(name, secret);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var (succeeded, created) = await TrySendAsync(
            new CreateApiKey(Input.Name ?? "", Input.Role ?? default, Input.ExpiresOn, Input.RequestsPerMinute));
        if (!succeeded)
        {
            await LoadAsync();
            return Page();
        }
        // Answering with a redirect, not the page: reloading the page that shows the secret must not send the form again.
        TempData[CreatedNameKey] = created!.Name;
        TempData[CreatedSecretKey] = created.Secret;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var (succeeded, _) = await TrySendAsync(new RevokeApiKey(id), prefix: "");
        if (!succeeded)
        {
            await LoadAsync();
            return Page();
        }
        TempData["Notice"] = T["The API key was revoked. Its next call is refused."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync() => Keys = await SendAsync(new ListApiKeys());

    public sealed record NewKey(string Name, string Secret)
    {
        public override string ToString() => $"{nameof(NewKey)} {{ Name = {Name} }}";
    }

    public sealed class InputModel
    {
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Role")]
        public StaffRole? Role { get; set; } = StaffRole.ReadOnly;

        [Display(Name = "Expires on (optional)")]
        public DateOnly? ExpiresOn { get; set; }

        [Display(Name = "Requests per minute (optional)")]
        public int? RequestsPerMinute { get; set; }
    }
}
