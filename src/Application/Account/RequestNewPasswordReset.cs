using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>
/// "Request a new one" on an expired or replaced reset link. The only input is the old link: the new one goes to the account's
/// login, never to an address typed on the page. The answer is the same whether a mail went out or not (unknown or used link,
/// an account that can't sign in, too many requests), so the page tells nobody anything.
/// </summary>
public sealed record RequestNewPasswordReset(string Token) : IRequest<Unit>;

public sealed class RequestNewPasswordResetValidator : AbstractValidator<RequestNewPasswordReset>
{
    public RequestNewPasswordResetValidator() =>
        RuleFor(c => c.Token).Must(PasswordResetLink.LooksLikeAToken).WithMessage(DomainErrors.LinkInvalid.Message);
}

public sealed class RequestNewPasswordResetHandler(
    IRepository<UserAccount> users,
    ITokenGenerator tokens,
    IOptions<AccountSecurityOptions> options,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RequestNewPasswordReset, Unit>
{
    public async ValueTask<Unit> Handle(RequestNewPasswordReset command, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(command.Token);
        await unitOfWork.SaveOrForgetAsync(async ct =>
        {
            var user = await users.FirstOrDefaultAsync(new UserByPasswordResetTokenSpec(hash), ct)
                ?? throw new DomainException(DomainErrors.NewLinkNotAvailable);
            user.RenewPasswordReset(hash, tokens.Create(), clock.GetUtcNow(), options.Value.PasswordResetValidity);
        }, cancellationToken);
        return Unit.Value;
    }
}
