using Ardalis.Specification;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>
/// Consumes a reset link: sets the new password, ends every session (the stamp rotates) and sends a notice.
/// Nobody is signed in afterwards: the user signs in with the new password, second factor included.
/// </summary>
public sealed record ResetPassword(string Token, string NewPassword, string ConfirmPassword) : IRequest<Unit>;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator(Portal.Application.Settings.IPortalSettings settings)
    {
        RuleFor(c => c.Token).Must(PasswordResetLink.LooksLikeAToken).WithMessage(DomainErrors.LinkInvalid.Message);
        RuleFor(c => c.NewPassword).MeetsPasswordPolicy(_ => [], settings);
        RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage(PasswordPolicy.ConfirmationMismatch);
    }
}

public sealed class ResetPasswordHandler(
    IRepository<UserAccount> users,
    ITokenGenerator tokens,
    IPasswordHasher hasher,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ResetPassword, Unit>
{
    public async ValueTask<Unit> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(command.Token);
        var now = clock.GetUtcNow();
        var user = await users.FirstOrDefaultAsync(new UserByPasswordResetTokenSpec(hash), cancellationToken);
        // The link is checked before the password, so a dead link is never answered with advice about the password.
        if (user is null || !PasswordResetLink.IsUsable(user, hash, now)) throw new DomainException(DomainErrors.LinkInvalid);
        PasswordPolicy.RefusePersonalData(command.NewPassword, nameof(ResetPassword.NewPassword), user.Login, AccountHolder.Of(user).Name);

        user.ResetPassword(hash, hasher.Hash(user, command.NewPassword), now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The account a password-reset link belongs to, with its links and, for a portal user, the contact.</summary>
public sealed class UserByPasswordResetTokenSpec : Specification<UserAccount>, ISingleResultSpecification<UserAccount>
{
    public UserByPasswordResetTokenSpec(string tokenHash) =>
        Query.Where(u => u.Tokens.Any(t => t.TokenHash == tokenHash && t.Purpose == AccountTokenPurpose.PasswordReset))
            .Include(u => u.Tokens)
            .Include(u => ((PortalUser)u).Contact)
            .AsSplitQuery();
}

internal static class PasswordResetLink
{
    /// <summary>Real tokens are 43 URL-safe characters; anything far longer is not worth hashing.</summary>
    private const int MaxTokenLength = 200;

    public static bool LooksLikeAToken(string? token) => !string.IsNullOrWhiteSpace(token) && token.Length <= MaxTokenLength;

    /// <summary>
    /// The same test <see cref="UserAccount.ResetPassword"/> applies: an open, unexpired link of an account that can sign in.
    /// </summary>
    public static bool IsUsable(UserAccount user, string tokenHash, DateTimeOffset now) =>
        user.CanSignIn
        && user.Tokens.Any(t => t.Purpose == AccountTokenPurpose.PasswordReset && t.TokenHash == tokenHash && t.IsUsable(now));
}
