using Mediator;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>What the invitation page shows before anything is consumed: who is invited, or why the link no longer works.</summary>
public sealed record GetInvitation(string Token) : IRequest<InvitationView>;

/// <summary><paramref name="NewLink"/>: what the page offers for a link that expired or was replaced.</summary>
public sealed record InvitationView(
    bool IsUsable, DomainError? Problem, string? Name, string? Email, bool SetsNewPassword, NewLinkOffer NewLink = NewLinkOffer.None);

public enum NewLinkOffer
{
    /// <summary>The link works, was used (the customer signs in), or never existed.</summary>
    None = 0,
    /// <summary>"Send me a new link".</summary>
    Request = 1,
    /// <summary>The business answers such requests itself: the page shows its support contact.</summary>
    AskSupport = 2,
}

public sealed class GetInvitationHandler(
    IReadRepository<PortalUser> users,
    ITokenGenerator tokens,
    IPortalSettings settings,
    TimeProvider clock)
    : IRequestHandler<GetInvitation, InvitationView>
{
    public async ValueTask<InvitationView> Handle(GetInvitation query, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(query.Token);
        var user = await users.FirstOrDefaultAsync(new PortalUserByInvitationSpec(hash), cancellationToken);
        var invitation = user?.Invitations.Single(i => i.TokenHash == hash);
        if (user is null || invitation is null) return new InvitationView(false, DomainErrors.InvitationUnknown, null, null, false);

        var problem = invitation.Problem(clock.GetUtcNow());
        if (problem is null) return new InvitationView(true, null, user.Contact.Name, user.Login, user.State == PortalAccessState.Active);
        var renewable = problem == DomainErrors.InvitationExpired || problem == DomainErrors.InvitationVoided;
        var offer = !renewable ? NewLinkOffer.None
            : (await settings.CurrentAsync(cancellationToken)).CustomersRequestNewLinks ? NewLinkOffer.Request
            : NewLinkOffer.AskSupport;
        return new InvitationView(false, problem, null, null, false, offer);
    }
}
