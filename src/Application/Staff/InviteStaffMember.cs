using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Application.PortalAccess;
using Portal.Application.Settings;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.Staff;

/// <summary>
/// Invites a colleague to the back office: an account without password, a one-time link to set one, and its
/// e-mail in the outbox. The e-mail must not be anybody's login yet, staff or customer.
/// </summary>
[RequiresPermission(StaffPermission.ManageStaff)]
public sealed record InviteStaffMember(string Email, string DisplayName, StaffRole Role, string? Language) : IStaffRequest, IRequest<int>;

public sealed class InviteStaffMemberValidator : AbstractValidator<InviteStaffMember>
{
    public InviteStaffMemberValidator()
    {
        RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
            .Must(EmailAddress.IsValid).WithMessage(DomainErrors.StaffEmailInvalid.Message)
            .MaximumLength(EmailAddress.MaxLength).WithMessage(ContactValidation.TooLong);
        RuleFor(c => c.DisplayName)
            .Must(name => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= InternalUser.DisplayNameMaxLength)
            .WithMessage(DomainErrors.StaffNameInvalid)
            .Must(PlainText.IsOneVisibleLine).WithMessage(ContactValidation.NameNotPlain);
        RuleFor(c => c.Role).IsInEnum().WithMessage(DomainErrors.StaffRoleInvalid.Message);
        RuleFor(c => c.Language).Must(l => l is null || InternalUser.IsLanguage(l))
            .WithMessage(DomainErrors.PageLanguageInvalid.Message);
    }
}

public sealed class InviteStaffMemberHandler(
    IRepository<InternalUser> staff,
    LoginOwnership logins,
    ITokenGenerator tokens,
    IPortalSettings settings,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<InviteStaffMember, int>
{
    public async ValueTask<int> Handle(InviteStaffMember command, CancellationToken cancellationToken)
    {
        var taken = (await logins.OwnersOf([command.Email], cancellationToken)).Count > 0;
        var validity = (await settings.CurrentAsync(cancellationToken)).InvitationValidity;

        var (user, _) = InternalUser.Invite(command.Email, command.DisplayName, command.Role, taken, tokens.Create(), clock.GetUtcNow(),
            validity, currentUser.ActorName, command.Language);

        await staff.AddAsync(user, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return user.Id;
    }
}
