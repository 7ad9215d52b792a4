using Mediator;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Account;

/// <summary>What the confirmation page shows before anything is consumed: the change, or why the link can't be used.</summary>
public sealed record GetEmailChange(string Token) : IRequest<EmailChangeView>;

/// <remarks>
/// Only the new address is shown: whoever holds the link reads that mailbox anyway, and a mistyped address must
/// not tell a stranger whose account it was meant for.
/// </remarks>
public sealed record EmailChangeView(DomainError? Problem, string? NewEmail);

public sealed class GetEmailChangeHandler(
    IReadRepository<PortalUser> users,
    ITokenGenerator tokens,
    LoginOwnership logins,
    TimeProvider clock)
    : IRequestHandler<GetEmailChange, EmailChangeView>
{
    public async ValueTask<EmailChangeView> Handle(GetEmailChange query, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(query.Token);
        var user = await users.FirstOrDefaultAsync(new PortalUserByEmailChangeLinkSpec(hash), cancellationToken);
        if (user is null) return new EmailChangeView(DomainErrors.LinkInvalid, null);

        var newEmail = user.EmailChangeLink(hash)!.NewEmail;
        var owner = await logins.OwnerOf(newEmail, user.ContactId, cancellationToken);
        return user.EmailChangeProblem(hash, owner, clock.GetUtcNow()) is { } problem
            ? new EmailChangeView(problem, null)
            : new EmailChangeView(null, newEmail);
    }
}
