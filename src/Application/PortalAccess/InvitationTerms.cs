using Portal.Application.Common;
using Portal.Application.Contacts;
using Portal.Application.Settings;
using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Application.PortalAccess;

/// <summary>
/// What a grant or a re-invite decides outside the contact: the address (the wizard's correction, or the contact's),
/// whose login it is now, a fresh link, how long it works, and who sends it.
/// </summary>
public sealed record InvitationTerms(
    string? Email,
    EmailOwner Owner,
    IssuedToken Link,
    DateTimeOffset Now,
    TimeSpan Validity,
    ActivityActor Actor)
{
    public Invitation GrantTo(Contact contact, string? welcomeMessage) =>
        contact.GrantPortalAccess(Email, Owner, Link, Now, Validity, Actor, welcomeMessage);

    public Invitation ReInvite(Contact contact, string? welcomeMessage) =>
        contact.ReInvite(Email, Owner, Link, Now, Validity, Actor, welcomeMessage);
}

public sealed class InvitationTermsSource(
    IRepository<Contact> contacts,
    LoginOwnership logins,
    ITokenGenerator tokens,
    IPortalSettings settings,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    /// <summary>The contact with everything an access move changes, tracked, and the terms of its new link.</summary>
    public async Task<(Contact Contact, InvitationTerms Terms)> ForAsync(
        int contactId,
        string? correctedEmail,
        CancellationToken cancellationToken)
    {
        var contact = await contacts.FirstOrDefaultAsync(new ContactWithAccessSpec(contactId), cancellationToken)
            ?? throw new NotFoundException("Contact");
        var email = correctedEmail ?? contact.Email;
        var owner = await logins.OwnerOf(email, contact.Id, cancellationToken);
        var validity = (await settings.CurrentAsync(cancellationToken)).InvitationValidity;
        return (contact, new InvitationTerms(email, owner, tokens.Create(), clock.GetUtcNow(), validity, currentUser.Actor));
    }

    /// <summary>The terms of a grant to a colleague a company administrator invites, whose contact does not exist yet.</summary>
    public async Task<ColleagueGrant> ForNewColleagueAsync(string? email, CancellationToken cancellationToken)
    {
        // No contact holds a login yet: any holder of the address is someone else.
        var owner = await logins.OwnerOf(email, contactId: 0, cancellationToken);
        var validity = (await settings.CurrentAsync(cancellationToken)).InvitationValidity;
        return new ColleagueGrant(owner, tokens.Create(), clock.GetUtcNow(), validity, currentUser.ActorName);
    }

    /// <summary>
    /// A job's batch: its contacts, with what their access move changes (the runner reads them with the job's
    /// rows), and the owners of their e-mails in one query. Each contact's terms then come from memory.
    /// <paramref name="takenBefore"/> holds the logins a batch before this one grants and may not have committed yet.
    /// </summary>
    public async Task<InvitationBatch> ForBatchAsync(
        IReadOnlyList<Contact> batch,
        string actor,
        IReadOnlyDictionary<string, LoginHolder>? takenBefore,
        CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, LoginHolder>(await logins.OwnersOf(batch.Select(c => c.Email), cancellationToken));
        if (takenBefore is not null)
            foreach (var (login, holder) in takenBefore) owners[login] = holder;
        var validity = (await settings.CurrentAsync(cancellationToken)).InvitationValidity;
        return new InvitationBatch(batch, owners, tokens, validity, clock.GetUtcNow(), actor);
    }
}
