using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Domain.CompanyAccounts;

/// <summary>
/// A company administrator's invitation of a colleague. With staff approval on it waits here until staff approve or refuse
/// it; otherwise it is granted at once. Every one is kept, so the hourly limit is counted from the database on any instance.
/// </summary>
public sealed class ColleagueRequest : AggregateRoot
{
    public const int ReasonMaxLength = 500;

    private ColleagueRequest() { }

    public int Id { get; private set; }
    public int CompanyId { get; private set; }
    public Contact Company { get; private set; } = null!;
    public int? RequestedByUserId { get; private set; }
    public string RequesterName { get; private set; } = "";
    public string RequesterEmail { get; private set; } = "";
    public string RequesterLanguage { get; private set; } = "en";
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Language { get; private set; } = "en";
    public ColleagueRequestStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? RefusalReason { get; private set; }
    /// <summary>The colleague's contact, once granted.</summary>
    public int? ContactId { get; private set; }
    public Contact? Contact { get; private set; }

    /// <summary>
    /// Stores the request for staff to decide. The address must be one a grant would take (valid, nobody's login), so
    /// staff never see a request they could only refuse.
    /// </summary>
    public static ColleagueRequest Submit(
        Contact company, ColleagueRequester requester, string name, string? email, string language, EmailOwner owner,
        DateTimeOffset now, string actor)
    {
        var request = Create(company, requester, name, email, language, owner, now);
        request.Raise(new ColleagueRequested(request, company.Name, actor));
        return request;
    }

    /// <summary>Invites the colleague at once: their person contact is created under the company and granted access.</summary>
    public static ColleagueRequest Invite(
        Contact company, ColleagueRequester requester, string name, string? email, string language, ColleagueGrant grant)
    {
        var request = Create(company, requester, name, email, language, grant.Owner, grant.Now);
        // The company administrator grants: the new colleague's history names them as the customer they are.
        request.GrantTo(company, grant, ActivityActor.Customer(grant.GrantedBy));
        return request;
    }

    /// <summary>Staff approve (the request loaded with its company): the same grant as an immediate invitation; the requester is told.</summary>
    public Contact Approve(ColleagueGrant grant)
    {
        EnsurePending();
        var contact = GrantTo(Company, grant, grant.GrantedBy);
        DecidedAt = grant.Now;
        DecidedBy = grant.GrantedBy;
        Raise(new ColleagueRequestDecided(this, Company.Name, Approved: true));
        return contact;
    }

    public void Refuse(string? reason, DateTimeOffset now, string refusedBy)
    {
        EnsurePending();
        Status = ColleagueRequestStatus.Refused;
        RefusalReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, ReasonMaxLength)];
        DecidedAt = now;
        DecidedBy = refusedBy;
        Raise(new ColleagueRequestDecided(this, Company.Name, Approved: false));
    }

    private static ColleagueRequest Create(
        Contact company, ColleagueRequester requester, string name, string? email, string language, EmailOwner owner, DateTimeOffset now)
    {
        if (company.Kind != ContactKind.Company) throw new DomainException(DomainErrors.CompanyMustBeACompany);
        Contact.RequireUsableLogin(email, owner);
        return new ColleagueRequest
        {
            Company = company,
            CompanyId = company.Id,
            RequestedByUserId = requester.UserId,
            RequesterName = requester.Name,
            RequesterEmail = requester.Email,
            RequesterLanguage = requester.Language,
            Name = name.Trim(),
            Email = email!.Trim(),
            Language = ContactDetails.SupportedLanguages.Contains(language) ? language : "en",
            Status = ColleagueRequestStatus.Pending,
            RequestedAt = now,
        };
    }

    private Contact GrantTo(Contact company, ColleagueGrant grant, ActivityActor grantedBy)
    {
        var contact = Contact.CreatePerson(new ContactDetails(Name, PreferredLanguage: Language), Email, company, grant.Now);
        contact.GrantPortalAccess(Email, grant.Owner, grant.Link, grant.Now, grant.Validity, grantedBy);
        Contact = contact;
        Status = ColleagueRequestStatus.Granted;
        return contact;
    }

    private void EnsurePending()
    {
        if (Status != ColleagueRequestStatus.Pending) throw new DomainException(DomainErrors.ColleagueRequestAlreadyDecided);
    }
}

/// <summary>The company administrator asking, as the mail about the decision addresses them.</summary>
public sealed record ColleagueRequester(int UserId, string Name, string Email, string Language);

/// <summary>What a grant decides outside the request: whose login the address is, the new link, its validity, who grants.</summary>
public sealed record ColleagueGrant(EmailOwner Owner, IssuedToken Link, DateTimeOffset Now, TimeSpan Validity, string GrantedBy);
