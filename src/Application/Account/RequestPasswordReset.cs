using Ardalis.Specification;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>
/// "Forgot your password?", as the queue hands it on (<see cref="ForgotPassword"/>): an account that can sign in gets a one-time reset link by mail (older links
/// stop working). Every other address — unknown, invited, revoked — gets nothing, and the caller can't tell
/// the difference: the handler answers the same way in every case.
/// </summary>
public sealed record RequestPasswordReset(string Email) : IRequest<Unit>;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public const string EmailRequired = "Please enter your e-mail address.";
    public const string EmailNotValid = "Please enter a valid e-mail address.";

    public RequestPasswordResetValidator() => ResetAddress(RuleFor(c => c.Email));

    public static IRuleBuilderOptions<T, string> ResetAddress<T>(IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(EmailRequired)
            .MaximumLength(EmailAddress.MaxLength).WithMessage(EmailNotValid)
            .Must(EmailAddress.IsValid).WithMessage(EmailNotValid);
}

public sealed class RequestPasswordResetHandler(
    IRepository<UserAccount> users,
    ITokenGenerator tokens,
    IOptions<AccountSecurityOptions> options,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RequestPasswordReset, Unit>
{
    public async ValueTask<Unit> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserForPasswordResetSpec(EmailAddress.Normalize(command.Email)), cancellationToken);
        if (user is null || !user.CanSignIn) return Unit.Value;

        user.IssuePasswordReset(tokens.Create(), clock.GetUtcNow(), options.Value.PasswordResetValidity);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // Two requests for one account at the same moment: the other one issued the newer link, which is
            // what this request asked for too. Showing a clash here would tell the caller the account exists.
        }
        return Unit.Value;
    }
}

/// <summary>
/// The account behind a login with its one-time links (issuing a new one voids the open ones) and, for a portal user, the contact.
/// </summary>
public sealed class UserForPasswordResetSpec : Specification<UserAccount>, ISingleResultSpecification<UserAccount>
{
    public UserForPasswordResetSpec(string login) =>
        Query.Where(u => u.Login == login)
            .Include(u => u.Tokens)
            .Include(u => ((PortalUser)u).Contact)
            .AsSplitQuery();
}
