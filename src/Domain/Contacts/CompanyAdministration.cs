using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Domain.Contacts;

/// <summary>
/// A company administrator's moves on a colleague's access, recorded as the customer's. Two rules span the company's people,
/// so they live here rather than in one contact: an administrator never acts on themselves, and a move never leaves the
/// company without a company administrator.
/// </summary>
public sealed class CompanyAdministration
{
    private readonly int _companyId;
    private readonly int _administratorContactId;
    private readonly IReadOnlySet<int> _administratorIds;

    /// <param name="administratorContactId">The acting administrator's contact.</param>
    /// <param name="administratorName">How histories name them.</param>
    /// <param name="companyAdministratorIds">The contacts that are the company's administrators now.</param>
    public CompanyAdministration(int companyId, int administratorContactId, string administratorName, IEnumerable<int> companyAdministratorIds)
    {
        _companyId = companyId;
        _administratorContactId = administratorContactId;
        _administratorIds = companyAdministratorIds.ToHashSet();
        Actor = ActivityActor.Customer(administratorName);
    }

    public ActivityActor Actor { get; }

    /// <summary>A new link to the colleague's address, through the same rules and pace as a staff re-invite.</summary>
    public Invitation ReInvite(Contact colleague, EmailOwner owner, IssuedToken link, DateTimeOffset now, TimeSpan validity)
    {
        CheckColleague(colleague);
        return colleague.ReInvite(colleague.Email, owner, link, now, validity, Actor);
    }

    public void Revoke(Contact colleague, DateTimeOffset now)
    {
        CheckColleague(colleague);
        CheckAnAdministratorRemains(colleague);
        colleague.RevokePortalAccess(now, Actor);
    }

    public void ChangeAdministrator(Contact colleague, bool isAdministrator, DateTimeOffset now)
    {
        CheckColleague(colleague);
        if (isAdministrator)
        {
            colleague.MakeCompanyAdministrator(now, Actor);
            return;
        }
        CheckAnAdministratorRemains(colleague);
        colleague.EndCompanyAdministrator(now, Actor);
    }

    public void ChangeDocumentKinds(Contact colleague, DocumentKindSet kinds, DateTimeOffset now)
    {
        CheckColleague(colleague);
        colleague.ChangeCompanyDocumentKinds(kinds, now, Actor);
    }

    private void CheckColleague(Contact colleague)
    {
        if (colleague.Id == _administratorContactId) throw new DomainException(DomainErrors.CompanyAdministratorNotOnThemselves);
        if (colleague.CompanyId != _companyId || colleague.Kind != ContactKind.Person)
            throw new DomainException(DomainErrors.CompanyAdministratorNotAColleague);
    }

    private void CheckAnAdministratorRemains(Contact colleague)
    {
        if (colleague.IsCompanyAdministrator && !_administratorIds.Any(id => id != colleague.Id))
            throw new DomainException(DomainErrors.CompanyAdministratorLastOne);
    }
}
