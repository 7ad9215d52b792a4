using Portal.Application.Common.Csv;
using Portal.Application.ContactImports;
using Portal.Application.Contacts;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Shouldly;

namespace Portal.UnitTests.Application;

public sealed class ContactImportPlanTests
{
    private static readonly string[] Header = ["Name", "E-mail", "Country", "Company", "Kundennummer", "Sprache", "Telefon"];

    private static ContactImportPlan Plan(
        IReadOnlyList<ExistingContact>? existing = null, IReadOnlyList<CompanyOption>? companies = null, params string[][] rows)
    {
        var table = new CsvTable(Header, rows.Select((cells, i) => new CsvRecord(i + 2, cells)).ToList());
        return ContactImportPlan.Build(table, ContactImportColumns.Guess(Header), existing ?? [], companies ?? []);
    }

    private static PlannedRow Only(params string[] cells) => Plan(rows: cells).Rows.Single();

    [Fact]
    public void Columns_are_guessed_from_english_and_german_headers()
    {
        ContactImportColumns.Guess(Header).ShouldBe([
            ContactImportField.Name, ContactImportField.Email, ContactImportField.Country, ContactImportField.Company,
            ContactImportField.ExternalReference, ContactImportField.PreferredLanguage, ContactImportField.Phone,
        ]);
        ContactImportColumns.Guess(["E-Mail-Adresse", "PLZ", "Straße", "Ort", "USt-IdNr", "Firma", "Unknown"]).ShouldBe([
            ContactImportField.Email, ContactImportField.PostalCode, ContactImportField.Street, ContactImportField.City,
            ContactImportField.VatNumber, ContactImportField.Company, null,
        ]);
    }

    [Fact]
    public void A_valid_row_becomes_a_new_contact_with_country_and_language_given_by_name()
    {
        var row = Only("Anna Berg", "anna@example.com", "Germany", "", "C-1", "Deutsch", "+49 40 1234");

        row.Outcome.ShouldBe(ImportOutcome.New);
        row.Details.CountryCode.ShouldBe("DE");
        row.Details.PreferredLanguage.ShouldBe("de");
        row.Details.Phone.ShouldBe("+49 40 1234");
        row.ExternalReference.ShouldBe("C-1");
    }

    [Theory]
    [InlineData("Anna", "not-an-email", "DE", ContactValidation.EmailInvalid)]
    [InlineData("", "anna@example.com", "DE", ContactValidation.NameRequired)]
    [InlineData("Anna", "anna@example.com", "Narnia", ContactValidation.CountryInvalid)]
    public void A_row_the_contact_form_would_refuse_is_refused_with_the_forms_reason(
        string name, string email, string country, string reason)
    {
        var row = Only(name, email, country, "", "", "", "");

        row.Outcome.ShouldBe(ImportOutcome.Refused);
        row.Refusals.Select(r => r.Message).ShouldContain(reason);
    }

    [Fact]
    public void A_value_longer_than_the_form_allows_is_refused_as_too_long()
    {
        var row = Only(new string('a', Contact.NameMaxLength + 1), "a@example.com", "", "", "", "", "");

        row.Refusals.ShouldContain(r => r.Field == ContactImportField.Name && r.Message == ContactValidation.TooLong);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("+cmd", true)]
    [InlineData("-", true)]
    [InlineData("+49 40 1234", false)]
    [InlineData("-5", false)]
    public void A_cell_that_starts_like_a_formula_is_refused_but_phone_numbers_are_not(string phone, bool refused)
    {
        var row = Only("Anna", "anna@example.com", "", "", "", "", phone);

        (row.Outcome == ImportOutcome.Refused).ShouldBe(refused);
        if (refused) row.Refusals.ShouldContain(r => r.Field == ContactImportField.Phone && r.Message == ContactImportPlan.FormulaCell);
    }

    [Fact]
    public void Control_characters_from_a_wrong_encoding_are_refused()
    {
        Only("Anna\u0081", "anna@example.com", "", "", "", "", "").Refusals
            .ShouldContain(r => r.Field == ContactImportField.Name && r.Message == ContactImportPlan.NotText);
    }

    [Fact]
    public void The_second_row_with_the_same_email_or_reference_is_refused_naming_the_first()
    {
        var plan = Plan(rows:
        [
            ["Anna", "anna@example.com", "", "", "R-1", "", ""],
            ["Anna Again", "ANNA@example.com", "", "", "", "", ""],
            ["Ben", "ben@example.com", "", "", "R-1", "", ""],
        ]);

        plan.Rows[0].Outcome.ShouldBe(ImportOutcome.New);
        plan.Rows[1].Refusals.Single().ShouldBe(new ImportRefusal(ContactImportField.Email, ContactImportPlan.DuplicateEmail, 2),
            new ImportRefusalComparer());
        plan.Rows[2].Refusals.Single().Message.ShouldBe(ContactImportPlan.DuplicateReference);
    }

    [Fact]
    public void Existing_contacts_are_matched_by_reference_first_then_by_email_ignoring_case()
    {
        ExistingContact[] existing =
        [
            new(7, ContactKind.Person, "old@example.com", "R-7", new ContactDetails("Old Name"), null, false),
            new(8, ContactKind.Person, "Carla@Example.com", null, new ContactDetails("Carla", CountryCode: "AT"), null, false),
        ];

        var plan = Plan(existing, [], ["New Name", "", "", "", "R-7", "", ""], ["", "carla@example.com", "Austria", "", "", "", ""]);

        plan.Rows[0].ShouldSatisfyAllConditions(
            r => r.Outcome.ShouldBe(ImportOutcome.Updated),
            r => r.ContactId.ShouldBe(7),
            r => r.Details.Name.ShouldBe("New Name"),
            r => r.Email.ShouldBe("old@example.com"));
        plan.Rows[1].ShouldSatisfyAllConditions(
            r => r.Outcome.ShouldBe(ImportOutcome.Unchanged),
            r => r.ContactId.ShouldBe(8),
            r => r.Email.ShouldBe("Carla@Example.com"));
    }

    [Fact]
    public void A_company_is_found_by_its_name_ignoring_case_and_accents_or_created_once()
    {
        var plan = Plan([], [new CompanyOption(3, "Müller GmbH")],
            ["Anna", "anna@example.com", "", "MULLER gmbh", "", "", ""],
            ["Ben", "ben@example.com", "", "Neu AG", "", "", ""],
            ["Cem", "cem@example.com", "", "neu ag", "", "", ""]);

        plan.Rows[0].CompanyId.ShouldBe(3);
        plan.Rows[1].CompanyId.ShouldBeNull();
        plan.NewCompanies.ShouldBe(["Neu AG"]);
    }

    [Fact]
    public void A_changed_email_of_a_contact_with_portal_access_is_refused()
    {
        ExistingContact[] existing = [new(9, ContactKind.Person, "dora@example.com", "R-9", new ContactDetails("Dora"), null, true)];

        var row = Plan(existing, [], ["Dora", "dora.new@example.com", "", "", "R-9", "", ""]).Rows.Single();

        row.Refusals.Single().Message.ShouldBe(DomainErrors.EmailLockedByPortalAccess.Message);
    }

    private sealed class ImportRefusalComparer : IEqualityComparer<ImportRefusal>
    {
        public bool Equals(ImportRefusal? x, ImportRefusal? y) =>
            x?.Field == y?.Field && x?.Message == y?.Message && x!.Arguments.SequenceEqual(y!.Arguments);

        public int GetHashCode(ImportRefusal obj) => obj.Message.GetHashCode(StringComparison.Ordinal);
    }
}
