using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;

namespace Portal.UnitTests.Domain;

public sealed class CompanyAdministratorTests
{
    [Fact]
    public void A_company_person_with_access_becomes_company_administrator_and_the_history_records_who_made_them_one()
    {
        var anna = Given.Person(company: Given.Company());
        anna.Grant();
        var at = Given.Now.AddHours(2);

        anna.MakeCompanyAdministrator(at, "boss@portal.example");

        anna.IsCompanyAdministrator.ShouldBeTrue();
        var entry = anna.PortalUser!.History.Last();
        (entry.Kind, entry.OccurredAt, entry.Actor).ShouldBe((PortalAccessEventKind.MadeCompanyAdministrator, at, "boss@portal.example"));
        var change = anna.PortalUser.DomainEvents.OfType<PortalAccessChanged>().Last();
        change.ToActivity(7).Kind.ShouldBe(ActivityKind.MadeCompanyAdministrator);
    }

    [Fact]
    public void A_person_without_a_company_contact_cannot_be_company_administrator()
    {
        var anna = Given.InvitedPerson();

        Should.Throw<DomainException>(() => anna.MakeCompanyAdministrator(Given.Now, Given.Admin))
            .Error.ShouldBe(DomainErrors.CompanyAdministratorNeedsCompany);
        anna.IsCompanyAdministrator.ShouldBeFalse();
    }

    [Fact]
    public void A_company_itself_cannot_be_company_administrator()
    {
        var acme = Given.Company(email: "office@acme.example");
        acme.Grant();

        Should.Throw<DomainException>(() => acme.MakeCompanyAdministrator(Given.Now, Given.Admin))
            .Error.ShouldBe(DomainErrors.CompanyAdministratorNeedsCompany);
    }

    [Fact]
    public void A_company_person_without_portal_access_cannot_be_company_administrator()
    {
        var anna = Given.Person(company: Given.Company());

        Should.Throw<DomainException>(() => anna.MakeCompanyAdministrator(Given.Now, Given.Admin))
            .Error.ShouldBe(DomainErrors.CompanyAdministratorNeedsAccess);
    }

    [Fact]
    public void Ending_the_role_is_recorded_and_making_someone_administrator_twice_records_it_once()
    {
        var anna = Given.Person(company: Given.Company());
        anna.Grant();
        anna.MakeCompanyAdministrator(Given.Now, Given.Admin);
        anna.MakeCompanyAdministrator(Given.Now, Given.Admin);

        anna.EndCompanyAdministrator(Given.Now.AddHours(1), Given.Admin);

        anna.IsCompanyAdministrator.ShouldBeFalse();
        anna.PortalUser!.History.Select(h => h.Kind).ShouldBe(
            [
                PortalAccessEventKind.Granted, PortalAccessEventKind.MadeCompanyAdministrator,
                PortalAccessEventKind.CompanyAdministratorEnded,
            ]);
    }

    [Fact]
    public void Revoking_access_ends_the_company_administrator_role_so_a_new_grant_starts_without_it()
    {
        var anna = Given.Person(company: Given.Company());
        anna.Grant();
        anna.Accept();
        anna.MakeCompanyAdministrator(Given.Now.AddHours(2), Given.Admin);

        anna.Revoke();
        anna.Grant("hash-2", Given.Now.AddDays(2));

        anna.IsCompanyAdministrator.ShouldBeFalse();
    }

    [Fact]
    public void Moving_to_another_company_ends_the_company_administrator_role()
    {
        var anna = Given.Person(company: Given.Company());
        anna.Grant();
        anna.MakeCompanyAdministrator(Given.Now, Given.Admin);

        anna.MoveToCompany(null, Given.Now.AddHours(1), "boss@portal.example");

        anna.IsCompanyAdministrator.ShouldBeFalse();
        anna.PortalUser!.History.Last().Kind.ShouldBe(PortalAccessEventKind.CompanyAdministratorEnded);
    }
}
