using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>What the invitation page shows before anything is consumed: who is invited, or why the link no longer works.</summary>
public sealed record GetInvitation(string Token) : IRequest<InvitationView>;

public sealed record InvitationView(bool IsUsable, DomainError? Problem, string? Name, string? Email, bool SetsNewPassword);

public sealed class GetInvitationHandler(IReadRepository<PortalUser> users, ITokenGenerator tokens, TimeProvider clock)
    : IRequestHandler<GetInvitation, InvitationView>
{
    public async ValueTask<InvitationView> Handle(GetInvitation query, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(query.Token);
        var user = await users.FirstOrDefaultAsync(new PortalUserByInvitationSpec(hash), cancellationToken);
        var invitation = user?.Invitations.Single(i => i.TokenHash == hash);
        if (user is null || invitation is null) return new InvitationView(false, DomainErrors.InvitationUnknown, null, null, false);

        var problem = invitation.Problem(clock.GetUtcNow());
        return problem is null
            ? new InvitationView(true, null, user.Contact.Name, user.Login, user.State == PortalAccessState.Active)
            : new InvitationView(false, problem, null, null, false);
    }
}
