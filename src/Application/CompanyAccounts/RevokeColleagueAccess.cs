using Mediator;
using Portal.Application.Common;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// A company administrator ends a colleague's access, as a staff revoke does: links void, password cleared, every session
/// ends. Never their own, and never the company's last administrator's.
/// </summary>
[RequiresCompanyAdministrator]
public sealed record RevokeColleagueAccess(int ColleagueId) : ICompanyAdministratorRequest, IRequest<Unit>, ICompanyColleagueRequest;

public sealed class RevokeColleagueAccessHandler(CompanyAdministrations administrations, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<RevokeColleagueAccess, Unit>
{
    public async ValueTask<Unit> Handle(RevokeColleagueAccess command, CancellationToken cancellationToken)
    {
        var (administration, colleague) = await administrations.ForAsync(command.ColleagueId, cancellationToken);
        administration.Revoke(colleague, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
