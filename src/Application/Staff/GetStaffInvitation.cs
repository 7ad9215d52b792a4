using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>What the staff invitation page shows before anything is consumed: who is invited, or why the link no longer works.</summary>
public sealed record GetStaffInvitation(string Token) : IRequest<StaffInvitationView>;

public sealed record StaffInvitationView(bool IsUsable, DomainError? Problem, string? Name, string? Email);

public sealed class GetStaffInvitationHandler(IReadRepository<InternalUser> staff, ITokenGenerator tokens, TimeProvider clock)
    : IRequestHandler<GetStaffInvitation, StaffInvitationView>
{
    public async ValueTask<StaffInvitationView> Handle(GetStaffInvitation query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query.Token) || query.Token.Length > 200)
            return new StaffInvitationView(false, DomainErrors.LinkInvalid, null, null);
        var hash = tokens.Hash(query.Token);
        var user = await staff.FirstOrDefaultAsync(new StaffByInvitationSpec(hash), cancellationToken);
        var problem = user is null ? DomainErrors.LinkInvalid : user.InvitationProblem(hash, clock.GetUtcNow());
        return problem is null
            ? new StaffInvitationView(true, null, user!.DisplayName, user.Login)
            : new StaffInvitationView(false, problem, null, null);
    }
}
