using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.UnitTests.Domain;

public sealed class ContactTests
{
    [Fact]
    public void A_new_person_keeps_normalised_details_and_a_trimmed_email()
    {
        var contact = Contact.CreatePerson(
            new ContactDetails(" Anna Berg ", " ", " Main St 1 ", "10115", "Berlin", "de", "de123", " Free Text Ltd ", "de"),
            "  Anna@Example.com ", null, Given.Now);

        contact.Kind.ShouldBe(ContactKind.Person);
        contact.Name.ShouldBe("Anna Berg");
        contact.Email.ShouldBe("Anna@Example.com");
        contact.Phone.ShouldBeNull();
        contact.Street.ShouldBe("Main St 1");
        contact.CountryCode.ShouldBe("DE");
        contact.VatNumber.ShouldBe("DE123");
        contact.CompanyName.ShouldBe("Free Text Ltd");
        contact.PreferredLanguage.ShouldBe("de");
        contact.CreatedAt.ShouldBe(Given.Now);
        contact.UpdatedAt.ShouldBe(Given.Now);
        contact.PortalUser.ShouldBeNull();
        contact.HasLivePortalAccess.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_email_is_stored_as_none(string? email) =>
        Given.Person(email).Email.ShouldBeNull();

    [Fact]
    public void A_company_has_no_free_text_company_name()
    {
        var company = Contact.CreateCompany(new ContactDetails("Acme GmbH", CompanyName: "Something"), "info@acme.example", Given.Now);

        company.Kind.ShouldBe(ContactKind.Company);
        company.CompanyName.ShouldBeNull();
        company.Company.ShouldBeNull();

        company.UpdateDetails(new ContactDetails("Acme GmbH", CompanyName: "Still nothing"), Given.Now);
        company.CompanyName.ShouldBeNull();
    }

    [Fact]
    public void A_person_can_belong_to_a_company()
    {
        var acme = Given.Company();

        var anna = Given.Person(company: acme);

        anna.Company.ShouldBeSameAs(acme);
    }

    [Fact]
    public void A_person_can_leave_a_company()
    {
        var anna = Given.Person(company: Given.Company());

        anna.MoveToCompany(null, Given.Now.AddDays(1));

        anna.Company.ShouldBeNull();
        anna.CompanyId.ShouldBeNull();
        anna.UpdatedAt.ShouldBe(Given.Now.AddDays(1));
    }

    [Fact]
    public void A_company_cannot_belong_to_a_company()
    {
        var acme = Given.Company();

        Should.Throw<DomainException>(() => acme.MoveToCompany(Given.Company("Holding AG"), Given.Now))
            .Error.ShouldBe(DomainErrors.CompanyCannotBelongToACompany);
        acme.Company.ShouldBeNull();
    }

    [Fact]
    public void A_person_can_only_belong_to_a_company_not_to_another_person()
    {
        var bert = Given.Person("bert@example.com", "Bert");

        Should.Throw<DomainException>(() => Given.Person(company: bert)).Error.ShouldBe(DomainErrors.CompanyMustBeACompany);

        var anna = Given.Person();
        Should.Throw<DomainException>(() => anna.MoveToCompany(bert, Given.Now)).Error.ShouldBe(DomainErrors.CompanyMustBeACompany);
        anna.Company.ShouldBeNull();
    }

    [Fact]
    public void Updating_details_replaces_them_and_stamps_the_change()
    {
        var anna = Given.Person();
        var later = Given.Now.AddHours(1);

        anna.UpdateDetails(new ContactDetails("Anna Maria Berg", City: " Hamburg ", PreferredLanguage: "fr"), later);

        anna.Name.ShouldBe("Anna Maria Berg");
        anna.City.ShouldBe("Hamburg");
        anna.PreferredLanguage.ShouldBe("en");
        anna.UpdatedAt.ShouldBe(later);
        anna.CreatedAt.ShouldBe(Given.Now);
    }

    [Fact]
    public void The_email_can_change_while_the_contact_has_no_access()
    {
        var anna = Given.Person();
        var later = Given.Now.AddHours(1);

        anna.ChangeEmail(" new@example.com ", later);

        anna.Email.ShouldBe("new@example.com");
        anna.UpdatedAt.ShouldBe(later);
    }

    [Fact]
    public void Setting_the_same_email_again_is_no_change()
    {
        var anna = Given.Person();

        anna.ChangeEmail(" anna.berg@example.com", Given.Now.AddHours(1));

        anna.UpdatedAt.ShouldBe(Given.Now);
    }

    [Fact]
    public void The_email_can_be_cleared_while_the_contact_has_no_access()
    {
        var anna = Given.Person();

        anna.ChangeEmail("  ", Given.Now);

        anna.Email.ShouldBeNull();
    }

    [Fact]
    public void The_email_cannot_change_while_access_is_invited()
    {
        var contact = Given.InvitedPerson();

        Should.Throw<DomainException>(() => contact.ChangeEmail("new@example.com", Given.Now.AddHours(1)))
            .Error.ShouldBe(DomainErrors.EmailLockedByPortalAccess);
        contact.Email.ShouldBe("anna.berg@example.com");
    }

    [Fact]
    public void The_email_cannot_change_or_be_cleared_while_access_is_active()
    {
        var contact = Given.ActivePerson();

        Should.Throw<DomainException>(() => contact.ChangeEmail("new@example.com", Given.Now.AddHours(2)))
            .Error.ShouldBe(DomainErrors.EmailLockedByPortalAccess);
        Should.Throw<DomainException>(() => contact.ChangeEmail(null, Given.Now.AddHours(2)))
            .Error.ShouldBe(DomainErrors.EmailLockedByPortalAccess);
        contact.Email.ShouldBe("anna.berg@example.com");
    }

    [Fact]
    public void Saving_an_unchanged_email_is_allowed_while_access_is_live()
    {
        var contact = Given.ActivePerson();

        Should.NotThrow(() => contact.ChangeEmail("anna.berg@example.com", Given.Now.AddHours(2)));
    }

    [Fact]
    public void The_email_can_change_again_after_a_revoke_and_the_old_login_stays_on_record()
    {
        var contact = Given.RevokedPerson();

        contact.ChangeEmail("new@example.com", Given.Now.AddDays(2));

        contact.Email.ShouldBe("new@example.com");
        contact.PortalUser!.Login.ShouldBe("anna.berg@example.com");
    }

    [Fact]
    public void Live_access_means_invited_or_active()
    {
        Given.Person().HasLivePortalAccess.ShouldBeFalse();
        Given.InvitedPerson().HasLivePortalAccess.ShouldBeTrue();
        Given.ActivePerson().HasLivePortalAccess.ShouldBeTrue();
        Given.RevokedPerson().HasLivePortalAccess.ShouldBeFalse();
    }

    [Theory]
    [InlineData("anna@example.com", EmailOwner.Nobody, EmailState.Ok)]
    [InlineData("anna@example.com", EmailOwner.ThisContact, EmailState.Ok)]
    [InlineData("anna@example.com", EmailOwner.AnotherPortalUser, EmailState.UsedByAnotherUser)]
    [InlineData("anna@example.com", EmailOwner.InternalUser, EmailState.InternalUser)]
    [InlineData("anna(at)example.com", EmailOwner.Nobody, EmailState.Invalid)]
    [InlineData(null, EmailOwner.Nobody, EmailState.Invalid)]
    public void The_wizard_email_state_follows_validity_then_ownership(string? email, EmailOwner owner, EmailState expected) =>
        Given.Person(email).EmailStateFor(owner).ShouldBe(expected);

    [Fact]
    public void A_person_in_a_company_can_get_access_like_anyone_else()
    {
        var anna = Given.Person(company: Given.Company());

        anna.Grant();

        anna.PortalUser!.State.ShouldBe(PortalAccessState.Invited);
    }
}

public sealed class ContactDetailsTests
{
    [Fact]
    public void Normalising_trims_blanks_to_none_and_upper_cases_codes()
    {
        var details = new ContactDetails(" Anna ", "  ", " Street ", " 101 ", " City ", " at ", " atu123 ", "  ", "de").Normalized();

        details.ShouldBe(new ContactDetails("Anna", null, "Street", "101", "City", "AT", "ATU123", null, "de"));
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("de", "de")]
    [InlineData("fr", "en")]
    [InlineData("DE", "en")]
    [InlineData("", "en")]
    public void Only_supported_languages_survive_normalising(string language, string expected) =>
        new ContactDetails("Anna", PreferredLanguage: language).Normalized().PreferredLanguage.ShouldBe(expected);

    [Fact]
    public void English_and_german_are_supported() =>
        ContactDetails.SupportedLanguages.ShouldBe(["en", "de"]);
}

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("anna@example.com")]
    [InlineData("Anna.Berg+portal@mail.example.co.uk")]
    [InlineData("  anna@example.com  ")]
    [InlineData("o'brien@example.ie")]
    [InlineData("a_b-c@sub-domain.example.org")]
    public void Plain_addresses_are_valid(string email) => EmailAddress.IsValid(email).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("anna")]
    [InlineData("anna@")]
    [InlineData("@example.com")]
    [InlineData("anna@example")]
    [InlineData("anna@@example.com")]
    [InlineData("an na@example.com")]
    [InlineData("anna@exa mple.com")]
    [InlineData("\"anna\"@example.com")]
    [InlineData("anna@-example.com")]
    [InlineData("anna@example.c")]
    public void Anything_else_is_invalid(string? email) => EmailAddress.IsValid(email).ShouldBeFalse();

    [Fact]
    public void At_most_254_characters_are_valid()
    {
        var domain = "@" + string.Join(".", Enumerable.Repeat(new string('d', 60), 3)) + ".com"; // 1 + 182 + 4 = 187
        EmailAddress.IsValid(new string('a', EmailAddress.MaxLength - domain.Length) + domain).ShouldBeTrue();
        EmailAddress.IsValid(new string('a', EmailAddress.MaxLength - domain.Length + 1) + domain).ShouldBeFalse();
    }

    [Theory]
    [InlineData(" Anna.Berg@Example.COM ", "anna.berg@example.com")]
    [InlineData("anna@example.com", "anna@example.com")]
    public void Normalising_trims_and_lower_cases(string email, string expected) =>
        EmailAddress.Normalize(email).ShouldBe(expected);
}
