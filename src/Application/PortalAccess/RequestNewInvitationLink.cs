using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Settings;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>
/// "Send me a new link" on an expired or replaced invitation link. The only input is the old link: the new one goes to the
/// address on file, recorded as the customer's re-invite. The answer is the same whether a mail went out or not (unknown
/// link, revoked access, too many requests, switched off in the settings), so the page tells nobody anything.
/// </summary>
public sealed record RequestNewInvitationLink(string Token) : IRequest<Unit>;

public sealed class RequestNewInvitationLinkValidator : AbstractValidator<RequestNewInvitationLink>
{
    public RequestNewInvitationLinkValidator() =>
        RuleFor(c => c.Token).NotEmpty().WithMessage(DomainErrors.InvitationUnknown.Message)
            .MaximumLength(200).WithMessage(DomainErrors.InvitationUnknown.Message);
}

public sealed class RequestNewInvitationLinkHandler(
    IRepository<PortalUser> users,
    ITokenGenerator tokens,
    IPortalSettings settings,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RequestNewInvitationLink, Unit>
{
    public async ValueTask<Unit> Handle(RequestNewInvitationLink command, CancellationToken cancellationToken)
    {
        var current = await settings.CurrentAsync(cancellationToken);
        if (!current.CustomersRequestNewLinks) return Unit.Value;
        var hash = tokens.Hash(command.Token);
        await unitOfWork.SaveOrForgetAsync(async ct =>
        {
            var user = await users.FirstOrDefaultAsync(new PortalUserByInvitationSpec(hash), ct)
                ?? throw new DomainException(DomainErrors.NewLinkNotAvailable);
            user.RenewInvitation(hash, tokens.Create(), clock.GetUtcNow(), current.InvitationValidity);
        }, cancellationToken);
        return Unit.Value;
    }
}
