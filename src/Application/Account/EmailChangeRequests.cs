using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Mail;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>
/// Starts an e-mail change, whether the customer asks for it or an admin does: the link goes to the new
/// address, a notice to the old one, and the request is written to the activity — all in the caller's unit of work.
/// </summary>
public sealed class EmailChangeRequests(
    LoginOwnership logins,
    ITokenGenerator tokens,
    IAccountMailComposer mails,
    IRepository<OutboxMessage> outbox,
    SecurityLog securityLog,
    IOptions<AccountSecurityOptions> options,
    TimeProvider clock)
{
    /// <summary>The name both request messages give the new address, for refusals shown next to that field.</summary>
    public const string NewEmailField = "NewEmail";

    private static readonly DomainError[] AboutTheNewAddress =
        [DomainErrors.NewEmailInvalid, DomainErrors.NewEmailUnchanged, DomainErrors.EmailUsedByAnotherUser];

    /// <param name="user">The portal user with its contact and tokens loaded, tracked.</param>
    public async Task StartAsync(PortalUser user, string newEmail, string requestedBy, CancellationToken cancellationToken)
    {
        var owner = await logins.OwnerOf(newEmail, user.ContactId, cancellationToken);
        var now = clock.GetUtcNow();
        var issued = tokens.Create();
        AccountToken link;
        try
        {
            link = user.RequestEmailChange(newEmail, owner, issued.Hash, now, options.Value.EmailChangeValidity, requestedBy);
        }
        catch (DomainException e) when (AboutTheNewAddress.Contains(e.Error))
        {
            // The form can show these next to the field the address was typed into.
            throw new ValidationException([new ValidationFailure(NewEmailField, e.Message)]);
        }
        await securityLog.RecordAsync(user.Id, SecurityEventKind.EmailChangeRequested, cancellationToken);

        var contact = user.Contact;
        var newAddress = link.NewEmail!;
        await outbox.AddAsync(await mails.ComposeAsync(new AccountMailContent(
            AccountMailKind.EmailChangeConfirmation, newAddress, contact.Name, contact.PreferredLanguage,
            issued.Token, link.ExpiresAt, newAddress), now, cancellationToken), cancellationToken);
        // The old address hears of it too: if the request was not the customer's, this is how they find out.
        await outbox.AddAsync(await mails.ComposeAsync(new AccountMailContent(
            AccountMailKind.EmailChangeNotice, user.Login, contact.Name, contact.PreferredLanguage, Detail: newAddress), now, cancellationToken), cancellationToken);
    }
}
