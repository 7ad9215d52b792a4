using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Settings;

namespace Portal.UnitTests.Domain;

public sealed class ColleagueInvitationTests
{
    private static readonly ColleagueRequester Kim = new(7, "Kim Acme", "kim@acme.example", "de");

    private static ColleagueGrant Grant(EmailOwner owner = EmailOwner.Nobody, string grantedBy = "Kim Acme <kim@acme.example>") =>
        new(owner, Given.Link("hash-1"), Given.Now, Given.Validity, grantedBy);

    [Theory]
    [InlineData(ColleagueInvitationMode.Off, null, 0, 0, "CompanyAccounts.InvitationsOff")]
    [InlineData(ColleagueInvitationMode.On, null, 0, 20, "CompanyAccounts.TooFrequent")]
    [InlineData(ColleagueInvitationMode.WithStaffApproval, 5, 5, 0, "CompanyAccounts.LimitReached")]
    [InlineData(ColleagueInvitationMode.On, 5, 6, 19, "CompanyAccounts.LimitReached")]
    public void Another_invitation_is_refused_when_off_too_frequent_or_the_company_is_full(
        ColleagueInvitationMode mode, int? cap, int seatsTaken, int lastHour, string code)
    {
        var policy = new ColleagueInvitationPolicy(mode, cap, InvitationsPerHour: 20);

        Should.Throw<DomainException>(() => policy.EnsureAnotherInvitationAllowed(seatsTaken, lastHour)).Error.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData(ColleagueInvitationMode.On, null, 10_000, 19)]
    [InlineData(ColleagueInvitationMode.WithStaffApproval, 5, 4, 0)]
    public void Another_invitation_is_allowed_below_every_limit(ColleagueInvitationMode mode, int? cap, int seatsTaken, int lastHour)
    {
        var policy = new ColleagueInvitationPolicy(mode, cap, InvitationsPerHour: 20);

        Should.NotThrow(() => policy.EnsureAnotherInvitationAllowed(seatsTaken, lastHour));
    }

    [Fact]
    public void An_invitation_creates_the_colleague_under_the_company_with_access_granted_by_the_administrator()
    {
        var company = Given.Company();

        var request = ColleagueRequest.Invite(company, Kim, " Lea Acme ", "lea@acme.example", "de", Grant());

        request.Status.ShouldBe(ColleagueRequestStatus.Granted);
        var lea = request.Contact!;
        (lea.Name, lea.Kind, lea.Company, lea.Email, lea.PreferredLanguage).ShouldBe(("Lea Acme", ContactKind.Person, company,
            "lea@acme.example", "de"));
        lea.PortalUser!.State.ShouldBe(PortalAccessState.Invited);
        var granted = lea.PortalUser.History.Single();
        (granted.Actor, granted.ActorKind).ShouldBe(("Kim Acme <kim@acme.example>", ActivityActorKind.Customer));
        request.DomainEvents.ShouldBeEmpty("an invitation without approval has no decision to announce");
    }

    [Fact]
    public void The_activity_of_a_new_colleague_s_grant_points_at_the_contact_saved_with_it()
    {
        var request = ColleagueRequest.Invite(Given.Company(), Kim, "Lea Acme", "lea@acme.example", "en", Grant());

        var entry = request.Contact!.PortalUser!.DomainEvents.OfType<PortalAccessChanged>().Single().ToActivity(7);

        (entry.Kind, entry.Contact, entry.ActorKind).ShouldBe((ActivityKind.AccessGranted, request.Contact, ActivityActorKind.Customer));
    }

    [Theory]
    [InlineData("not-an-address", EmailOwner.Nobody, "Email.Invalid")]
    [InlineData("lou@example.com", EmailOwner.AnotherPortalUser, "Email.UsedByAnotherUser")]
    [InlineData("staff@portal.example", EmailOwner.InternalUser, "Email.InternalUser")]
    public void An_address_a_grant_would_refuse_is_refused_for_an_invitation_and_a_request_alike(string email, EmailOwner owner, string code)
    {
        Should.Throw<DomainException>(() => ColleagueRequest.Invite(Given.Company(), Kim, "Lea", email, "en", Grant(owner)))
            .Error.Code.ShouldBe(code);
        Should.Throw<DomainException>(() => ColleagueRequest.Submit(Given.Company(), Kim, "Lea", email, "en", owner, Given.Now, "Kim"))
            .Error.Code.ShouldBe(code);
    }

    [Fact]
    public void Only_a_company_takes_colleagues()
    {
        Should.Throw<DomainException>(() => ColleagueRequest.Invite(Given.Person(), Kim, "Lea", "lea@acme.example", "en", Grant()))
            .Error.ShouldBe(DomainErrors.CompanyMustBeACompany);
    }

    [Fact]
    public void A_request_waits_without_a_contact_until_staff_approve_it_with_the_same_grant()
    {
        var request = ColleagueRequest.Submit(Given.Company(), Kim, "Lea Acme", "lea@acme.example", "en", EmailOwner.Nobody, Given.Now,
            "Kim Acme <kim@acme.example>");
        request.Status.ShouldBe(ColleagueRequestStatus.Pending);
        request.Contact.ShouldBeNull();
        request.DomainEvents.OfType<ColleagueRequested>().Single().ToActivity(7).Kind.ShouldBe(ActivityKind.ColleagueRequested);

        var lea = request.Approve(Grant(grantedBy: Given.Admin));

        (request.Status, request.DecidedBy, lea.PortalUser!.State).ShouldBe((ColleagueRequestStatus.Granted, Given.Admin,
            PortalAccessState.Invited));
        lea.PortalUser.History.Single().ActorKind.ShouldBe(ActivityActorKind.Staff, "staff granted it, on the customer's request");
        request.DomainEvents.OfType<ColleagueRequestDecided>().Single().Approved.ShouldBeTrue();
        Should.Throw<DomainException>(() => request.Refuse(null, Given.Now, Given.Admin)).Error
            .ShouldBe(DomainErrors.ColleagueRequestAlreadyDecided);
    }

    [Fact]
    public void A_refused_request_keeps_the_reason_for_the_requester_and_can_not_be_approved_afterwards()
    {
        var request = ColleagueRequest.Submit(Given.Company(), Kim, "Lea", "lea@acme.example", "en", EmailOwner.Nobody, Given.Now, "Kim");

        request.Refuse("  Lea left.  ", Given.Now.AddHours(1), Given.Admin);

        (request.Status, request.RefusalReason, request.DecidedAt).ShouldBe((ColleagueRequestStatus.Refused, "Lea left.", Given.Now.AddHours(1)));
        var decided = request.DomainEvents.OfType<ColleagueRequestDecided>().Single();
        decided.Approved.ShouldBeFalse();
        decided.ToActivity(3).Kind.ShouldBe(ActivityKind.ColleagueRequestRefused);
        Should.Throw<DomainException>(() => request.Approve(Grant())).Error.ShouldBe(DomainErrors.ColleagueRequestAlreadyDecided);
    }

    [Fact]
    public void A_company_administrator_s_change_of_the_company_details_is_recorded()
    {
        var company = Given.Company();

        company.ChangeCompanyDetails(new ContactDetails("Acme SE", City: "Bremen", CompanyName: "ignored"), "info@acme.example",
            Given.Now, "Kim");

        (company.Name, company.City, company.CompanyName, company.Email).ShouldBe(("Acme SE", "Bremen", null, "info@acme.example"));
        company.DomainEvents.OfType<CompanyDetailsChanged>().Single().ToActivity(7).Kind.ShouldBe(ActivityKind.CompanyDetailsChanged);
        Should.Throw<DomainException>(() => Given.Person().ChangeCompanyDetails(new ContactDetails("X"), null, Given.Now, "Kim"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(PortalSettings.MaxPortalUsersCap + 1)]
    public void The_cap_of_portal_users_is_a_positive_number_or_none(int cap)
    {
        var settings = PortalSettings.CreateDefault("Portal", TimeSpan.FromDays(7), TimeSpan.FromMinutes(30));

        Should.Throw<DomainException>(() => settings.ChangeCompanyAccounts(ColleagueInvitationMode.On, false, cap, Given.Now, Given.Admin));
        settings.ChangeCompanyAccounts(ColleagueInvitationMode.WithStaffApproval, true, null, Given.Now, Given.Admin);
        (settings.ColleagueInvitations, settings.CompanyAdministratorsEditDetails, settings.MaxPortalUsersPerCompany)
            .ShouldBe((ColleagueInvitationMode.WithStaffApproval, true, (int?)null));
    }
}
