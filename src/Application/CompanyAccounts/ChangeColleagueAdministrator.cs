using Mediator;
using Portal.Application.Common;

namespace Portal.Application.CompanyAccounts;

/// <summary>
/// A company administrator makes a colleague a company administrator too, or ends that; never their own role, and never
/// the company's last administrator's.
/// </summary>
[RequiresCompanyAdministrator]
public sealed record ChangeColleagueAdministrator(int ColleagueId, bool IsAdministrator)
    : ICompanyAdministratorRequest, IRequest<Unit>, ICompanyColleagueRequest;

public sealed class ChangeColleagueAdministratorHandler(
    CompanyAdministrations administrations,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ChangeColleagueAdministrator, Unit>
{
    public async ValueTask<Unit> Handle(ChangeColleagueAdministrator command, CancellationToken cancellationToken)
    {
        var (administration, colleague) = await administrations.ForAsync(command.ColleagueId, cancellationToken);
        administration.ChangeAdministrator(colleague, command.IsAdministrator, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
