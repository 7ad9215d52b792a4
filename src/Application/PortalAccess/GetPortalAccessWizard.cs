using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>
/// The rows of the grant wizard: the chosen contacts plus each chosen company's direct members, with
/// what each row may do next.
/// </summary>
[RequiresPermission(StaffPermission.ViewBackOffice)]
public sealed record GetPortalAccessWizard(IReadOnlyCollection<int> ContactIds) : IStaffRequest, IRequest<IReadOnlyList<PortalAccessRow>>
{
    public const int MaxContacts = 200;
}

public sealed record PortalAccessRow(
    int ContactId,
    string Name,
    string? CompanyName,
    string? Email,
    EmailState EmailState,
    PortalAccessState? AccessState,
    DateTimeOffset? LastSignInAt,
    bool InCompany = false,
    bool IsCompanyAdministrator = false,
    bool EmailUndeliverable = false)
{
    /// <summary>Only a company's person can be its administrator; the wizard offers it with the grant.</summary>
    public bool CanBeMadeCompanyAdministratorOnGrant => InCompany && CanGrant;
    public bool CanGrant => AccessState is null or PortalAccessState.Revoked;
    public bool CanRevoke => AccessState is PortalAccessState.Invited or PortalAccessState.Active;
    public bool CanReInvite => CanRevoke;
    /// <summary>Once accepted, the address is the customer's login and changes only through a confirmed e-mail change.</summary>
    public bool CanEditEmail => AccessState is not PortalAccessState.Active;
}

public sealed class GetPortalAccessWizardHandler(IReadRepository<Contact> contacts, LoginOwnership logins)
    : IRequestHandler<GetPortalAccessWizard, IReadOnlyList<PortalAccessRow>>
{
    public async ValueTask<IReadOnlyList<PortalAccessRow>> Handle(GetPortalAccessWizard query, CancellationToken cancellationToken)
    {
        var ids = query.ContactIds.Distinct().Take(GetPortalAccessWizard.MaxContacts).ToList();
        if (ids.Count == 0) return [];
        var found = await contacts.ListAsync(new WizardContactsSpec(ids), cancellationToken);
        var owners = await logins.OwnersOf(found.Select(c => c.Email), cancellationToken);

        return found
            .OrderBy(c => ids.Contains(c.Id) ? ids.IndexOf(c.Id) : ids.IndexOf(c.CompanyId ?? 0))
            .ThenBy(c => ids.Contains(c.Id) ? 0 : 1)
            .ThenBy(c => c.Name)
            .Select(c => new PortalAccessRow(
                c.Id,
                c.Name,
                c.Company?.Name ?? c.CompanyName,
                c.Email,
                c.EmailStateFor(LoginOwnership.Classify(
                    c.Email is null ? null : owners.GetValueOrDefault(EmailAddress.Normalize(c.Email)), c.Id)),
                c.PortalUser?.State,
                c.PortalUser?.LastSignInAt,
                c.CompanyId is not null,
                c.PortalUser?.IsCompanyAdministrator ?? false,
                c.EmailUndeliverableSince is not null))
            .ToList();
    }
}

public sealed class WizardContactsSpec : Specification<Contact>
{
    public WizardContactsSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(c => ids.Contains(c.Id) || (c.CompanyId != null && ids.Contains(c.CompanyId.Value)))
            .Include(c => c.Company)
            .Include(c => c.PortalUser)
            .AsNoTracking();
    }
}
