using Ardalis.Specification;
using Portal.Application.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>Answers "whose login is this e-mail?" for one contact or a whole wizard page in one query.</summary>
public sealed class LoginOwnership(IReadRepository<UserAccount> users)
{
    public async Task<EmailOwner> OwnerOf(string? email, int contactId, CancellationToken cancellationToken)
    {
        if (!EmailAddress.IsValid(email)) return EmailOwner.Nobody;
        var owners = await OwnersOf([email!], cancellationToken);
        return Classify(owners.GetValueOrDefault(EmailAddress.Normalize(email!)), contactId);
    }

    public async Task<IReadOnlyDictionary<string, LoginHolder>> OwnersOf(IEnumerable<string?> emails, CancellationToken cancellationToken)
    {
        var logins = emails.Where(EmailAddress.IsValid).Select(e => EmailAddress.Normalize(e!)).Distinct().ToList();
        if (logins.Count == 0) return new Dictionary<string, LoginHolder>();
        var holders = await users.ListAsync(new LoginHoldersSpec(logins), cancellationToken);
        return holders.ToDictionary(h => h.Login);
    }

    public static EmailOwner Classify(LoginHolder? holder, int contactId) => holder switch
    {
        null => EmailOwner.Nobody,
        { Kind: UserKind.Internal } => EmailOwner.InternalUser,
        { ContactId: var id } when id == contactId => EmailOwner.ThisContact,
        _ => EmailOwner.AnotherPortalUser,
    };
}

public sealed record LoginHolder(string Login, UserKind Kind, int? ContactId);

public sealed class LoginHoldersSpec : Specification<UserAccount, LoginHolder>
{
    public LoginHoldersSpec(IReadOnlyCollection<string> logins)
    {
        Query.Where(u => logins.Contains(u.Login)).AsNoTracking();
        Query.Select(u => new LoginHolder(u.Login, u.Kind, u is PortalUser ? ((PortalUser)u).ContactId : null));
    }
}
