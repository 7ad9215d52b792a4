using FluentValidation;
using Mediator;
using Portal.Application.Common;

namespace Portal.Application.Account;

/// <summary>
/// "Forgot your password?" as the page sends it. The address only joins the queue, and the link is issued in the background
/// (<see cref="RequestPasswordReset"/>): an existing account's database writes would otherwise make its answer slower than an
/// unknown address's, telling which addresses have accounts.
/// </summary>
public sealed record ForgotPassword(string Email) : IRequest<Unit>;

public sealed class ForgotPasswordValidator : AbstractValidator<ForgotPassword>
{
    public ForgotPasswordValidator() => RequestPasswordResetValidator.ResetAddress(RuleFor(c => c.Email));
}

public sealed class ForgotPasswordHandler(IPasswordResetQueue queue, ICurrentUser currentUser) : IRequestHandler<ForgotPassword, Unit>
{
    public ValueTask<Unit> Handle(ForgotPassword command, CancellationToken cancellationToken)
    {
        queue.Enqueue(new QueuedPasswordReset(command.Email, currentUser.IpAddress));
        return ValueTask.FromResult(Unit.Value);
    }
}
