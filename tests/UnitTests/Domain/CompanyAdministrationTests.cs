using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;

namespace Portal.UnitTests.Domain;

/// <summary>A company administrator's moves on a colleague: never on themselves, never leaving the company without one.</summary>
public sealed class CompanyAdministrationTests
{
    private const int AcmeId = 10, KimId = 11, LeaId = 12, OtherId = 20;
    private const string KimName = "Kim Acme <kim@acme.example>";

    private readonly Contact _acme = WithId(Given.Company(), AcmeId);
    private readonly Contact _kim;
    private readonly Contact _lea;

    public CompanyAdministrationTests()
    {
        _kim = Colleague(KimId, "Kim Acme", "kim@acme.example", _acme);
        _lea = Colleague(LeaId, "Lea Acme", "lea@acme.example", _acme);
        _kim.MakeCompanyAdministrator(Given.Now, Given.Admin);
    }

    private CompanyAdministration ByKim(params int[] administrators) =>
        new(AcmeId, KimId, KimName, administrators.Length == 0 ? [KimId] : administrators);

    [Fact]
    public void An_administrator_cannot_revoke_re_invite_or_change_themselves()
    {
        var kim = ByKim();
        var at = Given.Now.AddDays(1);

        foreach (var move in new Action[]
        {
            () => kim.Revoke(_kim, at),
            () => kim.ChangeAdministrator(_kim, false, at),
            () => kim.ChangeDocumentKinds(_kim, DocumentKindSet.Of([DocumentKind.Invoice]), at),
            () => kim.ReInvite(_kim, EmailOwner.ThisContact, Given.Link("hash-2"), at, Given.Validity),
        })
        {
            Should.Throw<DomainException>(move).Error.ShouldBe(DomainErrors.CompanyAdministratorNotOnThemselves);
        }
        _kim.PortalUser!.State.ShouldBe(PortalAccessState.Active);
        _kim.IsCompanyAdministrator.ShouldBeTrue();
        _kim.PortalUser.CompanyDocumentKinds.ShouldBe(DocumentKindSet.All);
    }

    [Fact]
    public void The_last_company_administrator_can_be_neither_revoked_nor_stripped_of_the_role()
    {
        _lea.MakeCompanyAdministrator(Given.Now, Given.Admin);
        // Kim acts while the company's only administrator on record is Lea (Kim's role ended a moment ago elsewhere).
        var kim = ByKim(LeaId);

        Should.Throw<DomainException>(() => kim.Revoke(_lea, Given.Now.AddDays(1))).Error.ShouldBe(DomainErrors.CompanyAdministratorLastOne);
        Should.Throw<DomainException>(() => kim.ChangeAdministrator(_lea, false, Given.Now.AddDays(1)))
            .Error.ShouldBe(DomainErrors.CompanyAdministratorLastOne);
        _lea.IsCompanyAdministrator.ShouldBeTrue();
        _lea.PortalUser!.State.ShouldBe(PortalAccessState.Active);
    }

    [Fact]
    public void Another_administrator_can_be_revoked_while_one_remains_and_the_history_names_the_customer()
    {
        _lea.MakeCompanyAdministrator(Given.Now, Given.Admin);
        var at = Given.Now.AddDays(1);

        ByKim(KimId, LeaId).Revoke(_lea, at);

        _lea.PortalUser!.State.ShouldBe(PortalAccessState.Revoked);
        _lea.IsCompanyAdministrator.ShouldBeFalse();
        var entry = _lea.PortalUser.History.Last();
        (entry.Kind, entry.Actor, entry.ActorKind).ShouldBe((PortalAccessEventKind.Revoked, KimName, ActivityActorKind.Customer));
        var activity = _lea.PortalUser.DomainEvents.OfType<PortalAccessChanged>().Last().ToActivity(5);
        (activity.Kind, activity.ActorName, activity.ActorKind, activity.ActorUserId)
            .ShouldBe((ActivityKind.AccessRevoked, KimName, ActivityActorKind.Customer, 5));
        var notice = _lea.PortalUser.DomainEvents.OfType<ColleagueAccessChangedByCompany>().ShouldHaveSingleItem();
        (notice.Change, notice.AdministratorName).ShouldBe((PortalAccessEventKind.Revoked, KimName));
    }

    [Fact]
    public void Making_and_ending_a_colleague_administrator_is_recorded_and_announced()
    {
        var kim = ByKim();
        kim.ChangeAdministrator(_lea, true, Given.Now.AddHours(2));
        _lea.IsCompanyAdministrator.ShouldBeTrue();

        ByKim(KimId, LeaId).ChangeAdministrator(_lea, false, Given.Now.AddHours(3));

        _lea.IsCompanyAdministrator.ShouldBeFalse();
        _lea.PortalUser!.DomainEvents.OfType<ColleagueAccessChangedByCompany>().Select(n => n.Change)
            .ShouldBe([PortalAccessEventKind.MadeCompanyAdministrator, PortalAccessEventKind.CompanyAdministratorEnded]);
        _lea.PortalUser.History.TakeLast(2).ShouldAllBe(e => e.ActorKind == ActivityActorKind.Customer);
    }

    [Fact]
    public void Choosing_the_kinds_a_colleague_sees_is_recorded_with_the_choice_and_the_same_choice_again_changes_nothing()
    {
        var invoices = DocumentKindSet.Of([DocumentKind.Invoice, DocumentKind.Quotation]);

        ByKim().ChangeDocumentKinds(_lea, invoices, Given.Now.AddHours(1));
        ByKim().ChangeDocumentKinds(_lea, invoices, Given.Now.AddHours(2));

        _lea.PortalUser!.CompanyDocumentKinds.ShouldBe(invoices);
        var change = _lea.PortalUser.DomainEvents.OfType<PortalAccessChanged>()
            .Where(c => c.Kind == PortalAccessEventKind.CompanyDocumentKindsChanged).ShouldHaveSingleItem();
        var activity = change.ToActivity(5);
        (activity.Kind, activity.Detail, activity.ActorKind)
            .ShouldBe((ActivityKind.CompanyDocumentKindsChanged, "Quotation,Invoice", ActivityActorKind.Customer));
        _lea.PortalUser.DomainEvents.OfType<ColleagueAccessChangedByCompany>().ShouldHaveSingleItem()
            .Change.ShouldBe(PortalAccessEventKind.CompanyDocumentKindsChanged);
    }

    [Fact]
    public void A_re_invite_follows_the_staff_pace_and_sends_the_invitation_as_its_notice()
    {
        var kim = ByKim();
        var at = Given.Now.AddDays(1);

        kim.ReInvite(_lea, EmailOwner.ThisContact, Given.Link("hash-2"), at, Given.Validity);

        Should.Throw<DomainException>(() => kim.ReInvite(_lea, EmailOwner.ThisContact, Given.Link("hash-3"), at.AddSeconds(30), Given.Validity))
            .Error.ShouldBe(DomainErrors.InvitationJustSent);
        _lea.PortalUser!.History.Last().ActorKind.ShouldBe(ActivityActorKind.Customer);
        _lea.PortalUser.DomainEvents.OfType<InvitationIssued>().Last().IssuedBy.ShouldBe(KimName);
        _lea.PortalUser.DomainEvents.OfType<ColleagueAccessChangedByCompany>().ShouldBeEmpty();
    }

    [Fact]
    public void A_person_of_another_company_is_no_colleague()
    {
        var other = Colleague(OtherId + 1, "Olga Other", "olga@other.example", WithId(Given.Company("Other GmbH"), OtherId));

        Should.Throw<DomainException>(() => ByKim().Revoke(other, Given.Now.AddDays(1)))
            .Error.ShouldBe(DomainErrors.CompanyAdministratorNotAColleague);
        other.PortalUser!.State.ShouldBe(PortalAccessState.Active);
    }

    [Fact]
    public void Staff_moves_stay_the_business_s()
    {
        _lea.Revoke();

        _lea.PortalUser!.History.Last().ActorKind.ShouldBe(ActivityActorKind.Staff);
        _lea.PortalUser.DomainEvents.OfType<ColleagueAccessChangedByCompany>().ShouldBeEmpty();
    }

    private static Contact Colleague(int id, string name, string email, Contact company)
    {
        var person = WithId(Given.Person(email, name, company), id);
        person.Grant();
        person.Accept();
        return person;
    }

    private static Contact WithId(Contact contact, int id)
    {
        typeof(Contact).GetProperty(nameof(Contact.Id))!.SetValue(contact, id);
        return contact;
    }
}
