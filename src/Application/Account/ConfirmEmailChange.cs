using Ardalis.Specification;
using Mediator;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Application.Account;

/// <summary>
/// Consumes an e-mail change link: the new address becomes the contact's e-mail and the login. Works whether
/// or not the customer is signed in. Every session ends (the stamp rotates); the caller re-issues the current
/// browser's session with the returned user when it belongs to that customer.
/// </summary>
public sealed record ConfirmEmailChange(string Token) : IRequest<SignedInUser>;

public sealed class ConfirmEmailChangeHandler(
    IRepository<Contact> contacts,
    ITokenGenerator tokens,
    LoginOwnership logins,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ConfirmEmailChange, SignedInUser>
{
    public async ValueTask<SignedInUser> Handle(ConfirmEmailChange command, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(command.Token);
        var contact = await contacts.FirstOrDefaultAsync(new ContactByEmailChangeLinkSpec(hash), cancellationToken)
            ?? throw new DomainException(DomainErrors.LinkInvalid);
        var user = contact.PortalUser!;
        var newEmail = user.EmailChangeLink(hash)!.NewEmail;
        var owner = await logins.OwnerOf(newEmail, contact.Id, cancellationToken);

        contact.ConfirmEmailChange(hash, owner, clock.GetUtcNow());
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // The unique login index is the last word: someone took the address between our check and the commit.
            if (await logins.OwnerOf(newEmail, contact.Id, cancellationToken) is EmailOwner.AnotherPortalUser or EmailOwner.InternalUser)
                throw new DomainException(DomainErrors.EmailUsedByAnotherUser);
            throw;
        }
        return SignedInUser.From(user);
    }
}

public sealed class PortalUserByEmailChangeLinkSpec : Specification<PortalUser>, ISingleResultSpecification<PortalUser>
{
    public PortalUserByEmailChangeLinkSpec(string tokenHash) =>
        Query.Where(u => u.Tokens.Any(t => t.Purpose == AccountTokenPurpose.EmailChange && t.TokenHash == tokenHash))
            .Include(u => u.Contact)
            .Include(u => u.Tokens)
            .Include(u => u.History)
            .AsSplitQuery();
}

/// <summary>The contact whose portal user holds this e-mail change link, with what confirming it changes.</summary>
public sealed class ContactByEmailChangeLinkSpec : Specification<Contact>, ISingleResultSpecification<Contact>
{
    public ContactByEmailChangeLinkSpec(string tokenHash) =>
        Query.Where(c => c.PortalUser != null
                && c.PortalUser.Tokens.Any(t => t.Purpose == AccountTokenPurpose.EmailChange && t.TokenHash == tokenHash))
            .Include(c => c.PortalUser!).ThenInclude(u => u.Tokens)
            .Include(c => c.PortalUser!).ThenInclude(u => u.History)
            .AsSplitQuery();
}
