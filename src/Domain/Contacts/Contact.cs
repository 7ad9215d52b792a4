using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.Domain.Contacts;

/// <summary>A customer: a person or a company. A person may belong to a company. Has at most one portal user, ever.</summary>
public sealed class Contact : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int FieldMaxLength = 200;
    public const int ExternalReferenceMaxLength = 100;

    private Contact() { }

    public int Id { get; private set; }
    public ContactKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string? Email { get; private set; }
    /// <summary>
    /// Since when mail to <see cref="Email"/> can't be delivered (the server refused it for good, or every retry failed);
    /// null once the address changes or a later mail to it is delivered. Set and cleared by the mail dispatcher.
    /// </summary>
    public DateTimeOffset? EmailUndeliverableSince { get; private set; }
    public string? Phone { get; private set; }
    public string? Street { get; private set; }
    public string? PostalCode { get; private set; }
    public string? City { get; private set; }
    public string? CountryCode { get; private set; }
    public string? VatNumber { get; private set; }
    /// <summary>Free-text company of a person that is not linked to a company contact.</summary>
    public string? CompanyName { get; private set; }
    public string PreferredLanguage { get; private set; } = "en";
    public int? CompanyId { get; private set; }
    /// <summary>The customer's key in another system (ERP, CRM), unique when set; imports find the contact again by it.</summary>
    public string? ExternalReference { get; private set; }
    public Contact? Company { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public PortalUser? PortalUser { get; private set; }

    /// <summary>Name, e-mail and free-text company folded for search (<see cref="ContactSearchText"/>); follows every change.</summary>
    public string SearchText { get; private set; } = "";

    public bool HasLivePortalAccess => PortalUser is { State: PortalAccessState.Invited or PortalAccessState.Active };

    public static Contact CreatePerson(ContactDetails details, string? email, Contact? company, DateTimeOffset now) =>
        Create(ContactKind.Person, details, email, company, now);

    public static Contact CreateCompany(ContactDetails details, string? email, DateTimeOffset now) =>
        Create(ContactKind.Company, details, email, null, now);

    private static Contact Create(ContactKind kind, ContactDetails details, string? email, Contact? company, DateTimeOffset now)
    {
        var contact = new Contact { Kind = kind, CreatedAt = now };
        contact.UpdateDetails(details, now);
        contact.MoveToCompany(company, now);
        contact.Email = CleanEmail(email);
        contact.RefreshSearchText();
        return contact;
    }

    public void UpdateDetails(ContactDetails details, DateTimeOffset now)
    {
        var clean = details.Normalized();
        Name = clean.Name;
        Phone = clean.Phone;
        Street = clean.Street;
        PostalCode = clean.PostalCode;
        City = clean.City;
        CountryCode = clean.CountryCode;
        VatNumber = clean.VatNumber;
        CompanyName = Kind == ContactKind.Company ? null : clean.CompanyName;
        PreferredLanguage = clean.PreferredLanguage;
        UpdatedAt = now;
        RefreshSearchText();
    }

    /// <summary>
    /// The company's administrator edits the company's own details (the business allows it in Settings); recorded in the
    /// activity list, as the customer's change.
    /// </summary>
    public void ChangeCompanyDetails(ContactDetails details, string? email, DateTimeOffset now, string changedBy)
    {
        if (Kind != ContactKind.Company) throw new DomainException(DomainErrors.CompanyMustBeACompany);
        UpdateDetails(details with { CompanyName = null }, now);
        ChangeEmail(email, now);
        Raise(new CompanyDetailsChanged(Id, Name, changedBy, now));
    }

    /// <summary>Links the person to <paramref name="company"/> (or to none); a company administrator stops being one.</summary>
    public void MoveToCompany(Contact? company, DateTimeOffset now, string movedBy = "")
    {
        if (company is not null)
        {
            if (Kind == ContactKind.Company) throw new DomainException(DomainErrors.CompanyCannotBelongToACompany);
            if (company.Kind != ContactKind.Company) throw new DomainException(DomainErrors.CompanyMustBeACompany);
        }
        // Administering one company gives no say over the next one.
        if (company is null || company.Id != CompanyId) PortalUser?.ChangeCompanyAdministrator(false, now, movedBy);
        Company = company;
        CompanyId = company?.Id;
        UpdatedAt = now;
    }

    public void ChangeExternalReference(string? reference, DateTimeOffset now)
    {
        var clean = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (string.Equals(clean, ExternalReference, StringComparison.Ordinal)) return;
        ExternalReference = clean;
        UpdatedAt = now;
    }

    /// <summary>
    /// The e-mail is the portal login, so it changes here only while the contact has no live access;
    /// an invited contact's address is corrected by re-inviting, an accepted one changes only through a
    /// confirmed e-mail change (<see cref="PortalUser.ConfirmEmailChange"/>).
    /// </summary>
    public void ChangeEmail(string? email, DateTimeOffset now)
    {
        var clean = CleanEmail(email);
        if (string.Equals(clean, Email, StringComparison.Ordinal)) return;
        if (HasLivePortalAccess) throw new DomainException(DomainErrors.EmailLockedByPortalAccess);
        Email = clean;
        EmailUndeliverableSince = null;
        UpdatedAt = now;
        RefreshSearchText();
    }

    /// <summary>
    /// Grants portal access (or grants it again after a revoke) to <paramref name="email"/>, which becomes
    /// the contact's e-mail and login, and issues the first invitation.
    /// </summary>
    public Invitation GrantPortalAccess(
        string? email, EmailOwner owner, IssuedToken link, DateTimeOffset now, TimeSpan validity, ActivityActor grantedBy,
        string? welcomeMessage = null)
    {
        if (HasLivePortalAccess) throw new DomainException(DomainErrors.AccessAlreadyGranted);
        var login = RequireUsableLogin(email, owner);
        SetEmail(email, now);
        if (PortalUser is null)
        {
            PortalUser = PortalUser.Invite(this, login, now, grantedBy);
        }
        else
        {
            PortalUser.GrantAgain(login, now, grantedBy);
        }
        return PortalUser.IssueInvitation(link, now, validity, grantedBy.Name, welcomeMessage);
    }

    /// <summary>
    /// Sends a new link; every older one stops working. While only invited, the address may be corrected here.
    /// Refused while the last link is less than a minute old (<see cref="InvitationPace"/>).
    /// </summary>
    public Invitation ReInvite(
        string? email, EmailOwner owner, IssuedToken link, DateTimeOffset now, TimeSpan validity, ActivityActor invitedBy,
        string? welcomeMessage = null)
    {
        if (!HasLivePortalAccess) throw new DomainException(DomainErrors.AccessNotGranted);
        if (PortalUser!.State == PortalAccessState.Active)
        {
            // The accepted address stays as it is; only a different login would be a change.
            if (email is not null && EmailAddress.Normalize(email) != PortalUser.Login)
                throw new DomainException(DomainErrors.EmailLockedByPortalAccess);
            return PortalUser.ReInvite(PortalUser.Login, link, now, validity, invitedBy, welcomeMessage);
        }
        var login = RequireUsableLogin(email, owner);
        var invitation = PortalUser.ReInvite(login, link, now, validity, invitedBy, welcomeMessage);
        SetEmail(email, now);
        return invitation;
    }

    /// <summary>
    /// Confirms the portal user's e-mail change link: the new address becomes the login and this contact's e-mail in
    /// one move, so the two never disagree. Refused like <see cref="PortalUser.EmailChangeProblem"/> says.
    /// </summary>
    public void ConfirmEmailChange(string tokenHash, EmailOwner owner, DateTimeOffset now)
    {
        if (PortalUser is null) throw new DomainException(DomainErrors.LinkInvalid);
        Email = PortalUser.ConfirmEmailChange(tokenHash, owner, now).Trim();
        EmailUndeliverableSince = null;
        UpdatedAt = now;
        RefreshSearchText();
    }

    public void RevokePortalAccess(DateTimeOffset now, ActivityActor revokedBy)
    {
        if (!HasLivePortalAccess) throw new DomainException(DomainErrors.AccessNotGranted);
        PortalUser!.Revoke(now, revokedBy);
    }

    /// <summary>
    /// Makes this person the administrator of their company: they manage their colleagues' portal access themselves.
    /// Only a person linked to a company contact, with live portal access, can be one; a company may have several.
    /// </summary>
    public void MakeCompanyAdministrator(DateTimeOffset now, ActivityActor changedBy)
    {
        if (Kind != ContactKind.Person || CompanyId is null && Company is null)
            throw new DomainException(DomainErrors.CompanyAdministratorNeedsCompany);
        if (!HasLivePortalAccess) throw new DomainException(DomainErrors.CompanyAdministratorNeedsAccess);
        PortalUser!.ChangeCompanyAdministrator(true, now, changedBy);
    }

    public void EndCompanyAdministrator(DateTimeOffset now, ActivityActor changedBy)
    {
        if (PortalUser is null) throw new DomainException(DomainErrors.AccessNotGranted);
        PortalUser.ChangeCompanyAdministrator(false, now, changedBy);
    }

    /// <summary>Which kinds of the company's documents this person sees in the portal (all, or some); needs live access.</summary>
    public void ChangeCompanyDocumentKinds(DocumentKindSet kinds, DateTimeOffset now, ActivityActor changedBy)
    {
        if (!HasLivePortalAccess) throw new DomainException(DomainErrors.AccessNotGranted);
        PortalUser!.ChangeCompanyDocumentKinds(kinds, now, changedBy);
    }

    public bool IsCompanyAdministrator => PortalUser is { IsCompanyAdministrator: true };

    /// <summary>
    /// The customer closes their own account: the same revoke an admin makes (data kept, links void, password cleared,
    /// every session ends), with the customer as the actor. Only an active account can be closed.
    /// </summary>
    public void ClosePortalAccount(DateTimeOffset now)
    {
        if (PortalUser is not { State: PortalAccessState.Active }) throw new DomainException(DomainErrors.AccessNotGranted);
        PortalUser.Close(now);
    }

    /// <summary>Whether the contact's current e-mail can be its login, as the grant wizard shows it per row.</summary>
    public EmailState EmailStateFor(EmailOwner owner) => StateOf(Email, owner);

    private static EmailState StateOf(string? email, EmailOwner owner) =>
        !EmailAddress.IsValid(email) ? EmailState.Invalid
        : owner switch
        {
            EmailOwner.Nobody or EmailOwner.ThisContact => EmailState.Ok,
            EmailOwner.InternalUser => EmailState.InternalUser,
            _ => EmailState.UsedByAnotherUser,
        };

    internal static string RequireUsableLogin(string? email, EmailOwner owner) => StateOf(email, owner) switch
    {
        EmailState.Ok => EmailAddress.Normalize(email!),
        EmailState.InternalUser => throw new DomainException(DomainErrors.EmailBelongsToInternalUser),
        EmailState.UsedByAnotherUser => throw new DomainException(DomainErrors.EmailUsedByAnotherUser),
        _ => throw new DomainException(DomainErrors.EmailInvalid),
    };

    private void SetEmail(string? email, DateTimeOffset now)
    {
        var clean = CleanEmail(email);
        if (string.Equals(clean, Email, StringComparison.Ordinal)) return;
        Email = clean;
        EmailUndeliverableSince = null;
        UpdatedAt = now;
        RefreshSearchText();
    }

    private void RefreshSearchText() => SearchText = ContactSearchText.Of(Name, Email, CompanyName);

    private static string? CleanEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();
}
