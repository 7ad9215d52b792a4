using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Application.MySecurity;

/// <summary>
/// The signed-in customer asks to change their e-mail address (and with it the login). The password proves it
/// is them; nothing changes until the link sent to the new address is confirmed.
/// </summary>
public sealed record RequestMyEmailChange(string NewEmail, string CurrentPassword) : IRequest<Unit>, IReentersCurrentPassword;

public sealed class RequestMyEmailChangeValidator : AbstractValidator<RequestMyEmailChange>
{
    public const string NewEmailRequired = "Please enter the new e-mail address.";

    public RequestMyEmailChangeValidator()
    {
        RuleFor(c => c.NewEmail).NotEmpty().WithMessage(NewEmailRequired)
            .MaximumLength(EmailAddress.MaxLength).WithMessage(ContactValidation.TooLong)
            .ValidOptionalEmail();
        RuleFor(c => c.CurrentPassword).EnteredAsCurrentPassword();
    }
}

public sealed class RequestMyEmailChangeHandler(
    IRepository<PortalUser> users,
    EmailChangeRequests emailChanges,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork) : IRequestHandler<RequestMyEmailChange, Unit>
{
    public async ValueTask<Unit> Handle(RequestMyEmailChange command, CancellationToken cancellationToken)
    {
        var me = await users.MeAsync(currentUser, cancellationToken);
        // The password comes first, so that whose address is taken is only ever told to the account's owner.
        await emailChanges.StartAsync(me, command.NewEmail, me.Login, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
