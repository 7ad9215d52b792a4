using FluentValidation;
using Mediator;
using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Application.Settings;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>
/// Grants a contact portal access: the e-mail (possibly corrected in the wizard) becomes the login, and the
/// invitation mail goes into the outbox in the same transaction.
/// </summary>
[RequiresPermission(StaffPermission.ManagePortalAccess)]
public sealed record GrantPortalAccess(int ContactId, string? Email, string? WelcomeMessage) : IRequest<Unit>;

public sealed class GrantPortalAccessValidator : AbstractValidator<GrantPortalAccess>
{
    public const int WelcomeMessageMaxLength = 2000;

    public GrantPortalAccessValidator()
    {
        RuleFor(c => c.Email).MaximumLength(EmailAddress.MaxLength).WithMessage(ContactValidation.TooLong);
        RuleFor(c => c.WelcomeMessage).MaximumLength(WelcomeMessageMaxLength).WithMessage(ContactValidation.TooLong);
    }
}

public sealed class GrantPortalAccessHandler(
    IRepository<Contact> contacts,
    InvitationOutbox invitationOutbox,
    LoginOwnership logins,
    ITokenGenerator tokens,
    ICurrentUser currentUser,
    IPortalSettings settings,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<GrantPortalAccess, Unit>
{
    public async ValueTask<Unit> Handle(GrantPortalAccess command, CancellationToken cancellationToken)
    {
        var contact = await contacts.FirstOrDefaultAsync(new ContactWithAccessSpec(command.ContactId), cancellationToken)
            ?? throw new NotFoundException("Contact");
        var email = command.Email ?? contact.Email;
        var owner = await logins.OwnerOf(email, contact.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var validity = (await settings.CurrentAsync(cancellationToken)).InvitationValidity;
        var token = tokens.Create();

        var invitation = contact.GrantPortalAccess(email, owner, token.Hash, now, validity, currentUser.ActorName);

        await invitationOutbox.QueueAsync(contact, invitation, token.Token, command.WelcomeMessage, now, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
