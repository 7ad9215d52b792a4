using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>Consumes a staff invitation link: sets the password; the colleague can sign in. The caller signs them in.</summary>
public sealed record AcceptStaffInvitation(string Token, string Password, string ConfirmPassword) : IRequest<SignedInUser>;

public sealed class AcceptStaffInvitationValidator : AbstractValidator<AcceptStaffInvitation>
{
    public AcceptStaffInvitationValidator(Settings.IPortalSettings settings)
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage(DomainErrors.LinkInvalid.Message)
            .MaximumLength(200).WithMessage(DomainErrors.LinkInvalid.Message);
        RuleFor(c => c.Password).MeetsPasswordPolicy(_ => [], settings);
        RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage(PasswordPolicy.ConfirmationMismatch);
    }
}

public sealed class AcceptStaffInvitationHandler(
    IRepository<InternalUser> staff,
    ITokenGenerator tokens,
    IPasswordHasher hasher,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<AcceptStaffInvitation, SignedInUser>
{
    public async ValueTask<SignedInUser> Handle(AcceptStaffInvitation command, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(command.Token);
        var user = await staff.FirstOrDefaultAsync(new StaffByInvitationSpec(hash), cancellationToken)
            ?? throw new DomainException(DomainErrors.LinkInvalid);
        var now = clock.GetUtcNow();
        if (user.InvitationProblem(hash, now) is { } problem) throw new DomainException(problem);
        PasswordPolicy.RefusePersonalData(command.Password, nameof(AcceptStaffInvitation.Password), user.Login, user.DisplayName);

        user.AcceptInvitation(hash, hasher.Hash(user, command.Password), now);
        user.RecordSignIn(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return SignedInUser.From(user);
    }
}
