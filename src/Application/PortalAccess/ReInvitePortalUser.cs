using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Application.Settings;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>Sends a fresh link and voids every older one. For an active customer the link sets a new password.</summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record ReInvitePortalUser(int ContactId, string? Email, string? WelcomeMessage) : IRequest<Unit>;

public sealed class ReInvitePortalUserValidator : AbstractValidator<ReInvitePortalUser>
{
    public ReInvitePortalUserValidator()
    {
        RuleFor(c => c.Email).MaximumLength(EmailAddress.MaxLength).WithMessage(ContactValidation.TooLong);
        RuleFor(c => c.WelcomeMessage).MaximumLength(GrantPortalAccessValidator.WelcomeMessageMaxLength).WithMessage(ContactValidation.TooLong);
    }
}

public sealed class ReInvitePortalUserHandler(
    IRepository<Contact> contacts,
    InvitationOutbox invitationOutbox,
    LoginOwnership logins,
    ITokenGenerator tokens,
    ICurrentUser currentUser,
    IPortalSettings settings,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ReInvitePortalUser, Unit>
{
    public async ValueTask<Unit> Handle(ReInvitePortalUser command, CancellationToken cancellationToken)
    {
        var contact = await contacts.FirstOrDefaultAsync(new ContactWithAccessSpec(command.ContactId), cancellationToken)
            ?? throw new NotFoundException("Contact");
        var email = command.Email ?? contact.Email;
        var owner = await logins.OwnerOf(email, contact.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var validity = (await settings.CurrentAsync(cancellationToken)).InvitationValidity;
        var token = tokens.Create();

        var invitation = contact.ReInvite(email, owner, token.Hash, now, validity, currentUser.ActorName);

        await invitationOutbox.QueueAsync(contact, invitation, token.Token, command.WelcomeMessage, now, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
