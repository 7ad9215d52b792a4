using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.UnitTests.Domain;

public sealed class IbanTests
{
    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606")]
    [InlineData("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300")]
    [InlineData("AT61 1904 3002 3457 3201", "AT611904300234573201")]
    [InlineData("CH93 0076 2011 6238 5295 7", "CH9300762011623852957")]
    [InlineData("BE68 5390 0754 7034", "BE68539007547034")]
    [InlineData("NO93 8601 1117 947", "NO9386011117947")]
    [InlineData("MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84MALT011000012345MTLCAST001S")]
    public void Valid_ibans_of_several_countries_are_accepted_in_electronic_form(string input, string electronic)
    {
        Iban.TryParse(input, out var iban).ShouldBeTrue();
        iban.Value.ShouldBe(electronic);
        Iban.Check(input).ShouldBe(IbanProblem.None);
    }

    [Theory]
    [InlineData("de89370400440532013000")]
    [InlineData("  de89 3704 0044 0532 0130 00  ")]
    [InlineData("DE89\u00a03704\t0044 0532 0130 00")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00")]
    public void Spaces_lower_case_and_the_paper_prefix_are_normalised(string input) =>
        Iban.Parse(input).Value.ShouldBe("DE89370400440532013000");

    [Theory]
    [InlineData("DE88 3704 0044 0532 0130 00", IbanProblem.WrongCheckDigits)]
    [InlineData("DE89 3704 0044 0532 0130 01", IbanProblem.WrongCheckDigits)]
    [InlineData("GB82 WEST 1234 5698 7654 33", IbanProblem.WrongCheckDigits)]
    [InlineData("DE89 3704 0044 0532 0130 0", IbanProblem.WrongLength)]
    [InlineData("DE89 3704 0044 0532 0130 000", IbanProblem.WrongLength)]
    [InlineData("NL91 ABNA 0417 1643 0", IbanProblem.WrongLength)]
    [InlineData("XX89 3704 0044 0532 0130 00", IbanProblem.UnknownCountry)]
    [InlineData("US64 SVBK US6S 3300 9673 8637", IbanProblem.UnknownCountry)]
    [InlineData("DE89-3704-0044-0532-0130-00", IbanProblem.InvalidCharacters)]
    [InlineData("DEAB 3704 0044 0532 0130 00", IbanProblem.InvalidCharacters)]
    [InlineData("ÄE89 3704 0044 0532 0130 00", IbanProblem.InvalidCharacters)]
    [InlineData("12", IbanProblem.InvalidCharacters)]
    [InlineData("", IbanProblem.Missing)]
    [InlineData("   ", IbanProblem.Missing)]
    [InlineData(null, IbanProblem.Missing)]
    public void Wrong_check_digits_length_country_or_characters_are_refused(string? input, IbanProblem problem)
    {
        Iban.Check(input).ShouldBe(problem);
        Iban.TryParse(input, out _).ShouldBeFalse();
        Should.Throw<DomainException>(() => Iban.Parse(input)).Error.ShouldBe(DomainErrors.IbanInvalid);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("5500005555555559")]
    [InlineData("378282246310005")]
    public void A_card_number_is_never_an_iban(string cardNumber) =>
        Iban.Check(cardNumber).ShouldBe(IbanProblem.LooksLikeCardNumber);

    [Fact]
    public void Check_digits_outside_02_to_98_are_refused_even_when_the_sum_works_out()
    {
        // 99 ≡ 02 (mod 97): a German IBAN whose real check digits are 02 also "passes" the sum with 99.
        Iban.Check("DE02 1203 0000 0000 2020 51").ShouldBe(IbanProblem.None);
        Iban.Check("DE99 1203 0000 0000 2020 51").ShouldBe(IbanProblem.WrongCheckDigits);
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89 **** **** **** **30 00")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82 **** **** **** **54 32")]
    [InlineData("NO93 8601 1117 947", "NO93 **** ***7 947")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR14 **** **** **** **** ***2 606")]
    public void The_masked_form_shows_country_check_digits_and_the_last_four_in_groups_of_four(string input, string masked)
    {
        var iban = Iban.Parse(input);
        iban.Masked.ShouldBe(masked);
        iban.ToString().ShouldBe(masked, "an IBAN printed by accident shows masked");
        $"{iban}".ShouldNotContain(iban.Value);
    }

    [Fact]
    public void Two_ibans_are_equal_when_their_electronic_forms_are()
    {
        Iban.Parse("de89 3704 0044 0532 0130 00").ShouldBe(Iban.Parse("DE89370400440532013000"));
        Iban.Parse("DE89370400440532013000").ShouldNotBe(Iban.Parse("DE02120300000000202051"));
    }

    [Fact]
    public void The_length_table_covers_the_iban_registry()
    {
        Iban.Countries.Count.ShouldBeGreaterThanOrEqualTo(89);
        Iban.Countries.ShouldAllBe(c => c.Length == 2 && c.All(char.IsAsciiLetterUpper));
    }
}

public sealed class BicTests
{
    [Theory]
    [InlineData("COBADEFFXXX")]
    [InlineData("COBADEFF")]
    [InlineData("DEUTDEDB110")]
    public void Eight_or_eleven_character_bics_are_well_formed(string bic) => Bic.IsWellFormed(bic).ShouldBeTrue();

    [Theory]
    [InlineData("COBADEF")]
    [InlineData("COBADEFFXX")]
    [InlineData("COBADEFFXXXX")]
    [InlineData("C0BADEFFXXX")]
    [InlineData("cobadeffxxx")]
    [InlineData("COBA-DEFFXX")]
    public void Other_shapes_are_not(string bic) => Bic.IsWellFormed(bic).ShouldBeFalse();

    [Fact]
    public void Input_is_trimmed_and_upper_cased_and_blank_means_none()
    {
        Bic.Normalize(" coba de ff xxx ").ShouldBe("COBADEFFXXX");
        Bic.Normalize("  ").ShouldBeNull();
        Bic.Normalize(null).ShouldBeNull();
    }

    [Fact]
    public void The_bank_must_be_in_the_country_of_the_iban_or_one_of_its_territories()
    {
        var german = Iban.Parse("DE89 3704 0044 0532 0130 00");
        Bic.MatchesCountryOf("COBADEFFXXX", german).ShouldBeTrue();
        Bic.MatchesCountryOf("BNPAFRPPXXX", german).ShouldBeFalse();
        var british = Iban.Parse("GB82 WEST 1234 5698 7654 32");
        Bic.MatchesCountryOf("NWBKGB2L", british).ShouldBeTrue();
        Bic.MatchesCountryOf("RBOSJESH", british).ShouldBeTrue("Jersey banks hold GB IBANs");
    }
}

public sealed class MandateReferenceTests
{
    [Fact]
    public void A_new_reference_is_the_prefix_and_sixteen_base32_characters()
    {
        var reference = MandateReference.New();
        reference.ShouldMatch("^PORTAL-[A-Z2-7]{16}$");
        reference.Length.ShouldBeLessThanOrEqualTo(MandateReference.MaxLength);
        MandateReference.IsWellFormed(reference).ShouldBeTrue();
    }

    [Fact]
    public void New_references_do_not_repeat()
    {
        var references = Enumerable.Range(0, 2000).Select(_ => MandateReference.New()).ToList();
        references.Distinct().Count().ShouldBe(references.Count);
    }

    [Theory]
    [InlineData("PORTAL-ABC", true)]
    [InlineData("A1/B2-C3?:().,'+ x", true)]
    [InlineData("", false)]
    [InlineData("/PORTAL", false)]
    [InlineData("PORTAL/", false)]
    [InlineData("POR//TAL", false)]
    [InlineData("PORTAL_ABC", false)]
    [InlineData("PORTAL-ÄBC", false)]
    [InlineData("123456789012345678901234567890123456", false)]
    public void Only_sepa_characters_up_to_35_are_well_formed(string reference, bool wellFormed) =>
        MandateReference.IsWellFormed(reference).ShouldBe(wellFormed);
}
