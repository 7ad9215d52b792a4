using Mediator;
using Portal.Application.Common;
using Portal.Application.PortalAccess;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// A company administrator sends a colleague a fresh link to their address, through the same rules and pace as a staff
/// re-invite; the invitation mail is the colleague's notice.
/// </summary>
[RequiresCompanyAdministrator]
public sealed record ReInviteColleague(int ColleagueId) : ICompanyAdministratorRequest, IRequest<Unit>, ICompanyColleagueRequest;

public sealed class ReInviteColleagueHandler(
    CompanyAdministrations administrations,
    InvitationTermsSource invitations,
    IUnitOfWork unitOfWork) : IRequestHandler<ReInviteColleague, Unit>
{
    public async ValueTask<Unit> Handle(ReInviteColleague command, CancellationToken cancellationToken)
    {
        // Re-invites sent at the same moment: one sends its mail, the others end as "an invitation was just sent".
        await unitOfWork.SaveDecidingAgainOnConflictAsync(async ct =>
        {
            var (administration, colleague) = await administrations.ForAsync(command.ColleagueId, ct);
            var (_, terms) = await invitations.ForAsync(colleague.Id, null, ct);
            administration.ReInvite(colleague, terms.Owner, terms.Link, terms.Now, terms.Validity);
        }, cancellationToken);
        return Unit.Value;
    }
}
