using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Consumes an invitation link: sets the password and makes the access active. Returns the user the caller signs in
/// after a first acceptance, or null after an active customer's re-invite link: that one only sets the password, as a
/// reset link does, and the customer signs in with it, second factor included.
/// </summary>
public sealed record AcceptInvitation(string Token, string Password, string ConfirmPassword) : IRequest<SignedInUser?>;

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitation>
{
    public AcceptInvitationValidator(Portal.Application.Settings.IPortalSettings settings)
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage(Domain.Common.DomainErrors.InvitationUnknown.Message)
            .MaximumLength(200).WithMessage(Domain.Common.DomainErrors.InvitationUnknown.Message);
        RuleFor(c => c.Password).MeetsPasswordPolicy(_ => [], settings);
        RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage(PasswordPolicy.ConfirmationMismatch);
    }
}

public sealed class AcceptInvitationHandler(
    IRepository<PortalUser> users,
    ITokenGenerator tokens,
    IPasswordHasher hasher,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<AcceptInvitation, SignedInUser?>
{
    public async ValueTask<SignedInUser?> Handle(AcceptInvitation command, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(command.Token);
        var user = await users.FirstOrDefaultAsync(new PortalUserByInvitationSpec(hash), cancellationToken)
            ?? throw new Domain.Common.DomainException(Domain.Common.DomainErrors.InvitationUnknown);
        PasswordPolicy.RefusePersonalData(command.Password, nameof(AcceptInvitation.Password), user.Login, user.Contact.Name);

        var now = clock.GetUtcNow();
        var signsIn = user.AcceptInvitation(hash, hasher.Hash(user, command.Password), now);
        if (signsIn) user.RecordSignIn(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return signsIn ? SignedInUser.From(user) : null;
    }
}
