using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.UnitTests.Domain;

/// <summary>The contact keeps its own search text: every move that changes name, e-mail or free-text company refreshes it.</summary>
public sealed class ContactSearchTextKeepingTests
{
    [Fact]
    public void A_new_person_is_searchable_by_name_email_and_free_text_company()
    {
        var contact = Contact.CreatePerson(new ContactDetails("Jörg Müller", CompanyName: "Bäckerei Groß"), " Joerg@Example.ORG ", null,
            Given.Now);

        contact.SearchText.ShouldBe("jorg muller joerg@example.org backerei gross");
    }

    [Fact]
    public void A_new_company_is_searchable_by_its_name_and_email() =>
        Given.Company("Ærø Fähren A/S", "info@aero.example").SearchText.ShouldBe("aero fahren a/s info@aero.example");

    [Fact]
    public void Updating_the_details_refreshes_the_search_text()
    {
        var contact = Given.Person();

        contact.UpdateDetails(new ContactDetails("Anna Śmigła", CompanyName: "Ölwerk"), Given.Now.AddDays(1));

        contact.SearchText.ShouldBe("anna smigla anna.berg@example.com olwerk");
    }

    [Fact]
    public void Changing_the_email_refreshes_the_search_text()
    {
        var contact = Given.Person();

        contact.ChangeEmail("Anna@Neu.Example", Given.Now.AddDays(1));
        contact.SearchText.ShouldBe("anna berg anna@neu.example");

        contact.ChangeEmail(null, Given.Now.AddDays(2));
        contact.SearchText.ShouldBe("anna berg");
    }

    [Fact]
    public void Granting_access_to_another_address_refreshes_the_search_text()
    {
        var contact = Given.Person();

        contact.Grant(email: "granted@example.org");

        contact.SearchText.ShouldBe("anna berg granted@example.org");
    }

    [Fact]
    public void Correcting_an_invited_address_by_reinviting_refreshes_the_search_text()
    {
        var contact = Given.InvitedPerson();

        contact.ReInvite("hash-2", Given.Now.AddHours(1), email: "corrected@example.org");

        contact.SearchText.ShouldBe("anna berg corrected@example.org");
    }

    [Fact]
    public void Confirming_an_email_change_refreshes_the_search_text()
    {
        var contact = Given.ActivePerson();
        var at = Given.Now.AddDays(1);
        contact.PortalUser!.RequestEmailChange("Anna.Neu@Example.org", EmailOwner.Nobody, Given.Link("ec-1"), Given.Link("ec-1-report"),
            at, TimeSpan.FromHours(24), Given.Admin);

        contact.ConfirmEmailChange("ec-1", EmailOwner.Nobody, at.AddHours(1));

        contact.SearchText.ShouldBe("anna berg anna.neu@example.org");
    }
}
