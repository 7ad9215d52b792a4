using Mediator;
using Microsoft.AspNetCore.Mvc;
using Portal.Application.CompanyAccounts;
using Portal.Domain.Documents;
using Portal.Web.Infrastructure.PageModels;

namespace Portal.Web.Pages.My;

/// <summary>
/// A company administrator manages one colleague's access. Someone who is not a person of the administrator's own company,
/// or a visitor who is no company administrator, gets 404 from the application layer, for every handler.
/// </summary>
public sealed class MyColleagueModel : PortalPageModel
{
    public MyColleagueView Colleague { get; private set; } = null!;

    [BindProperty]
    public DocumentKindsInput Documents { get; set; } = new();

    public static IReadOnlyList<DocumentKind> Kinds { get; } = Enum.GetValues<DocumentKind>();

    public Task OnGetAsync(int id) => LoadAsync(id);

    public Task<IActionResult> OnPostReInviteAsync(int id) =>
        ActAsync(id, new ReInviteColleague(id), "A new invitation has been sent to {0}.");

    public Task<IActionResult> OnPostRevokeAsync(int id) =>
        ActAsync(id, new RevokeColleagueAccess(id), "{0} no longer has access to the portal.");

    public Task<IActionResult> OnPostAdministratorAsync(int id, bool isAdministrator) =>
        ActAsync(id, new ChangeColleagueAdministrator(id, isAdministrator), isAdministrator
            ? "{0} is now a company administrator and manages the colleagues' access."
            : "{0} is no longer a company administrator.");

    public Task<IActionResult> OnPostDocumentsAsync(int id) =>
        ActAsync(id, new ChangeColleagueDocumentKinds(id, Documents.All, Documents.Kinds), "{0} now sees the documents you chose.");

    private async Task<IActionResult> ActAsync(int id, IRequest<Unit> command, string notice)
    {
        var (succeeded, _) = await TrySendAsync(command, prefix: "");
        // A refused choice of kinds stays on the page as it was made; every other form shows the colleague's as stored.
        await LoadAsync(id, keepChoice: command is ChangeColleagueDocumentKinds);
        if (!succeeded) return Page();
        TempData["Notice"] = T[notice, Colleague.Name].Value;
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(int id, bool keepChoice = false)
    {
        Colleague = await SendAsync(new GetMyColleague(id));
        if (!keepChoice) Documents = DocumentKindsInput.Of(Colleague.CompanyDocumentKinds ?? DocumentKindSet.All);
    }

    public sealed class DocumentKindsInput
    {
        /// <summary>All of the company's documents, kinds added later too; otherwise only <see cref="Kinds"/>.</summary>
        public bool All { get; set; } = true;

        public List<DocumentKind> Kinds { get; set; } = [];

        public static DocumentKindsInput Of(DocumentKindSet set) => new() { All = set.IsAll, Kinds = set.IsAll ? [] : [.. set.Kinds] };
    }
}
