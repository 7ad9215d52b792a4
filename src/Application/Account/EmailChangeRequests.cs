using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;

namespace Portal.Application.Account;

/// <summary>
/// Starts an e-mail change, whether the customer asks for it or an admin does: the user issues the link, and its
/// events put the mails and the activity into the caller's unit of work.
/// </summary>
public sealed class EmailChangeRequests(
    LoginOwnership logins,
    ITokenGenerator tokens,
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
        try
        {
            user.RequestEmailChange(
                newEmail, owner, tokens.Create(), tokens.Create(), clock.GetUtcNow(), options.Value.EmailChangeValidity, requestedBy);
        }
        catch (DomainException e) when (AboutTheNewAddress.Contains(e.Error))
        {
            // The form can show these next to the field the address was typed into.
            throw new ValidationException([new ValidationFailure(NewEmailField, e.Message)]);
        }
    }
}
