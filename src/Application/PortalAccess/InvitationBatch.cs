using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess.Jobs;
using Portal.Domain.Users;

namespace Portal.Application.PortalAccess;

/// <summary>
/// The contacts of one batch of a job and the owners of their e-mails, so that each access move takes the same domain
/// rules as a single one without a query of its own. A login granted in the batch counts as taken for the rest of it.
/// </summary>
public sealed class InvitationBatch(
    IReadOnlyList<Contact> contacts,
    IReadOnlyDictionary<string, LoginHolder> owners,
    ITokenGenerator tokens,
    TimeSpan validity,
    DateTimeOffset now,
    string actor)
{
    private readonly Dictionary<int, Contact> _contacts = contacts.ToDictionary(c => c.Id);
    private readonly Dictionary<string, LoginHolder> _owners = new(owners);
    private readonly Dictionary<string, LoginHolder> _granted = [];

    public DateTimeOffset Now => now;

    /// <summary>The logins this batch gave to its contacts.</summary>
    public IReadOnlyDictionary<string, LoginHolder> GrantedLogins => _granted;

    /// <summary>Applies <paramref name="kind"/> to the contact; returns the refusal, or null when it was done.</summary>
    public DomainError? Apply(PortalAccessJobKind kind, int contactId, string? welcomeMessage)
    {
        if (!_contacts.TryGetValue(contactId, out var contact)) return DomainErrors.JobContactGone;
        try
        {
            switch (kind)
            {
                case PortalAccessJobKind.Grant: TermsFor(contact).GrantTo(contact, welcomeMessage); break;
                case PortalAccessJobKind.ReInvite: TermsFor(contact).ReInvite(contact, welcomeMessage); break;
                default: contact.RevokePortalAccess(now, actor); return null;
            }
        }
        catch (DomainException e)
        {
            return e.Error;
        }
        var login = contact.PortalUser!.Login;
        _owners[login] = _granted[login] = new LoginHolder(login, UserKind.Portal, contact.Id);
        return null;
    }

    private InvitationTerms TermsFor(Contact contact)
    {
        var holder = EmailAddress.IsValid(contact.Email) ? _owners.GetValueOrDefault(EmailAddress.Normalize(contact.Email!)) : null;
        return new InvitationTerms(contact.Email, LoginOwnership.Classify(holder, contact.Id), tokens.Create(), now, validity, actor);
    }
}
