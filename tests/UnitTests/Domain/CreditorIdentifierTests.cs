using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.Settings;

namespace Portal.UnitTests.Domain;

public sealed class CreditorIdentifierTests
{
    [Theory]
    [InlineData("DE98ZZZ09999999999")] // the Bundesbank's example
    [InlineData("AT61ZZZ01234567890")]
    [InlineData("NL79ZZZ999999990000")]
    [InlineData("FR72ZZZ123456")]
    [InlineData("IT66ZZZA1B2C3D4E5F6G7H8")]
    [InlineData("BE69ZZZ050D000000008")]
    public void Identifiers_of_the_EPC_format_with_right_check_digits_are_valid(string identifier) =>
        CreditorIdentifier.IsValid(identifier).ShouldBeTrue();

    [Fact]
    public void The_business_code_is_left_out_of_the_check_so_a_creditor_may_use_any()
    {
        CreditorIdentifier.IsValid("DE98ABC09999999999").ShouldBeTrue();
        CreditorIdentifier.IsValid("DE9800109999999999").ShouldBeTrue();
    }

    [Theory]
    [InlineData("DE97ZZZ09999999999")] // wrong check digits
    [InlineData("DE98ZZZ09999999998")] // one digit of the national part mistyped
    [InlineData("DE98ZZZ0999999999")] // a German national part has 11 digits
    [InlineData("DE98ZZZ099999999990")]
    [InlineData("DE98ZZZ0999999999A")] // … and digits only
    [InlineData("DEXXZZZ09999999999")]
    [InlineData("9E98ZZZ09999999999")]
    [InlineData("DE98ZZ-09999999999")]
    [InlineData("de98zzz09999999999")] // not normalised
    [InlineData("DE98ZZZ")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not(string? identifier) => CreditorIdentifier.IsValid(identifier).ShouldBeFalse();

    [Fact]
    public void Check_digits_00_01_and_99_are_never_issued_even_when_the_sum_happens_to_work()
    {
        // MOD 97-10 gives 02..98; a national part whose computed digits are 98 also "passes" with 01 (98 + 97 would be needed).
        CreditorIdentifier.CheckDigitsFor("DE", "09999999999").ShouldBe("98");
        CreditorIdentifier.IsValid("DE01ZZZ09999999999").ShouldBeFalse();
    }

    [Fact]
    public void Spaces_and_lower_case_as_typed_are_normalised()
    {
        CreditorIdentifier.Normalize(" de98 zzz0 9999 9999 99 ").ShouldBe("DE98ZZZ09999999999");
        CreditorIdentifier.Normalize("   ").ShouldBeNull();
    }

    [Fact]
    public void The_settings_keep_a_valid_identifier_normalised_refuse_an_invalid_one_and_clear_on_empty()
    {
        var settings = PortalSettings.CreateDefault("Contoso", TimeSpan.FromDays(7), TimeSpan.FromMinutes(30));

        settings.ChangeDirectDebit("de98 zzz0 9999 9999 99", Given.Now, "admin@portal.test");
        settings.CreditorIdentifier.ShouldBe("DE98ZZZ09999999999");
        Should.Throw<DomainException>(() => settings.ChangeDirectDebit("DE97ZZZ09999999999", Given.Now, "admin@portal.test"))
            .Error.ShouldBe(DomainErrors.CreditorIdentifierInvalid);
        settings.CreditorIdentifier.ShouldBe("DE98ZZZ09999999999");
        settings.ChangeDirectDebit(" ", Given.Now, "admin@portal.test");
        settings.CreditorIdentifier.ShouldBeNull();
    }
}
