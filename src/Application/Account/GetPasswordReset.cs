using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>What the reset page shows before anything is consumed: whose password the link sets, or that it no longer works.</summary>
public sealed record GetPasswordReset(string Token) : IRequest<PasswordResetView>;

/// <summary><paramref name="Login"/> is only known for a usable link (password managers file the new password under it).</summary>
public sealed record PasswordResetView(bool IsUsable, DomainError? Problem, string? Login)
{
    public static readonly PasswordResetView Unusable = new(false, DomainErrors.LinkInvalid, null);
}

public sealed class GetPasswordResetHandler(IReadRepository<UserAccount> users, ITokenGenerator tokens, TimeProvider clock)
    : IRequestHandler<GetPasswordReset, PasswordResetView>
{
    public async ValueTask<PasswordResetView> Handle(GetPasswordReset query, CancellationToken cancellationToken)
    {
        if (!PasswordResetLink.LooksLikeAToken(query.Token)) return PasswordResetView.Unusable;
        var hash = tokens.Hash(query.Token);
        var user = await users.FirstOrDefaultAsync(new UserByPasswordResetTokenSpec(hash), cancellationToken);
        return user is not null && PasswordResetLink.IsUsable(user, hash, clock.GetUtcNow())
            ? new PasswordResetView(true, null, user.Login)
            : PasswordResetView.Unusable;
    }
}
