using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Application.Settings;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Sends a fresh link and voids every older one. For an active customer the link sets a new password. Refused while the
/// last link is less than a minute old.
/// </summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record ReInvitePortalUser(int ContactId, string? Email, string? WelcomeMessage) : IStaffRequest, IRequest<Unit>;

public sealed class ReInvitePortalUserValidator : AbstractValidator<ReInvitePortalUser>
{
    public ReInvitePortalUserValidator()
    {
        RuleFor(c => c.Email).MaximumLength(EmailAddress.MaxLength).WithMessage(ContactValidation.TooLong);
        RuleFor(c => c.WelcomeMessage).MaximumLength(GrantPortalAccessValidator.WelcomeMessageMaxLength)
            .WithMessage(ContactValidation.TooLong);
    }
}

public sealed class ReInvitePortalUserHandler(InvitationTermsSource invitations, IUnitOfWork unitOfWork)
    : IRequestHandler<ReInvitePortalUser, Unit>
{
    public async ValueTask<Unit> Handle(ReInvitePortalUser command, CancellationToken cancellationToken)
    {
        // Re-invites sent at the same moment: one sends its mail, the others end as "an invitation was just sent".
        await unitOfWork.SaveDecidingAgainOnConflictAsync(async ct =>
        {
            var (contact, terms) = await invitations.ForAsync(command.ContactId, command.Email, ct);
            terms.ReInvite(contact, command.WelcomeMessage);
        }, cancellationToken);
        return Unit.Value;
    }
}
