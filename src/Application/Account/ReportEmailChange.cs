using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Account;

/// <summary>
/// The holder of the old address uses the link from the notice: the pending change is cancelled, and the back office
/// and the customer's security activity record the report. Works signed in or not, like the confirmation link.
/// </summary>
public sealed record ReportEmailChange(string Token) : IRequest<Unit>;

public sealed class ReportEmailChangeHandler(
    IRepository<PortalUser> users,
    ITokenGenerator tokens,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ReportEmailChange, Unit>
{
    public async ValueTask<Unit> Handle(ReportEmailChange command, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(command.Token);
        var user = await users.FirstOrDefaultAsync(new PortalUserByEmailChangeReportLinkSpec(hash), cancellationToken)
            ?? throw new DomainException(DomainErrors.LinkInvalid);
        user.ReportEmailChange(hash, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
