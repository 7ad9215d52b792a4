using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.UnitTests.Domain;

/// <summary>Small builders for domain tests. Time is a fixed instant; moves happen at offsets from it.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Validity = Invitation.DefaultValidity;
    public const string Admin = "admin@portal.example";

    public static Contact Person(string? email = "anna.berg@example.com", string name = "Anna Berg", Contact? company = null) =>
        Contact.CreatePerson(new ContactDetails(name), email, company, Now);

    public static Contact Company(string name = "Acme GmbH", string? email = null) =>
        Contact.CreateCompany(new ContactDetails(name), email, Now);

    /// <summary>A one-time link whose stored hash is <paramref name="tokenHash"/>; its secret is made up from it.</summary>
    public static IssuedToken Link(string tokenHash) => new($"token-of-{tokenHash}", tokenHash);

    public static Invitation Grant(this Contact contact, string tokenHash = "hash-1", DateTimeOffset? at = null, string? email = null) =>
        contact.GrantPortalAccess(email ?? contact.Email, EmailOwner.Nobody, Link(tokenHash), at ?? Now, Validity, Admin);

    public static Invitation ReInvite(this Contact contact, string tokenHash, DateTimeOffset at, string? email = null) =>
        contact.ReInvite(email ?? contact.Email, EmailOwner.ThisContact, Link(tokenHash), at, Validity, Admin);

    public static void Accept(this Contact contact, string tokenHash = "hash-1", DateTimeOffset? at = null,
        string passwordHash = "pw-hash") =>
        contact.PortalUser!.AcceptInvitation(tokenHash, passwordHash, at ?? Now.AddHours(1));

    public static void Revoke(this Contact contact, DateTimeOffset? at = null) =>
        contact.RevokePortalAccess(at ?? Now.AddDays(1), Admin);

    public static Contact InvitedPerson()
    {
        var contact = Person();
        contact.Grant();
        return contact;
    }

    public static Contact ActivePerson()
    {
        var contact = InvitedPerson();
        contact.Accept();
        return contact;
    }

    public static Contact RevokedPerson()
    {
        var contact = ActivePerson();
        contact.Revoke();
        return contact;
    }
}
