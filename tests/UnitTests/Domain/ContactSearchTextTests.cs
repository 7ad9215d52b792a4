using Portal.Domain.Contacts;

namespace Portal.UnitTests.Domain;

public sealed class ContactSearchTextTests
{
    [Theory]
    [InlineData("Müller", "muller")]
    [InlineData("MÜLLER", "muller")]
    [InlineData("Ångström Señor Ça", "angstrom senor ca")]
    [InlineData("Straße", "strasse")]
    [InlineData("Søren Łukasz Đorđe", "soren lukasz dorde")]
    [InlineData("Ærø Œuvre", "aero oeuvre")]
    [InlineData("  Anna \t\n  Berg  ", "anna berg")]
    [InlineData("Anna.Berg@Example.ORG", "anna.berg@example.org")]
    [InlineData("100% o'brien_\"x\"", "100% o'brien_\"x\"")]
    [InlineData("", "")]
    public void Normalising_folds_case_accents_and_whitespace(string text, string expected) =>
        ContactSearchText.Normalize(text).ShouldBe(expected);

    [Fact]
    public void A_composed_and_a_decomposed_umlaut_fold_alike() =>
        ContactSearchText.Normalize("Mu\u0308ller").ShouldBe(ContactSearchText.Normalize("M\u00fcller"));

    [Fact]
    public void The_search_text_joins_the_normalised_fields_with_one_space() =>
        ContactSearchText.Of(" Jürgen  Groß ", "J.Gross@Example.org", "Café Øst").ShouldBe("jurgen gross j.gross@example.org cafe ost");

    [Fact]
    public void Missing_fields_leave_no_gaps()
    {
        ContactSearchText.Of("Anna Berg", null, null).ShouldBe("anna berg");
        ContactSearchText.Of("Anna Berg", " ", "Acme").ShouldBe("anna berg acme");
    }

    [Fact]
    public void The_search_text_never_exceeds_its_column() =>
        ContactSearchText.Of(new string('ß', 600), null, null).Length.ShouldBe(ContactSearchText.MaxLength);
}
