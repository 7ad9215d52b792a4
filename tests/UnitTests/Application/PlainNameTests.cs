using FluentValidation.TestHelper;
using Portal.Application.Contacts;
using Portal.Application.Payments;
using Portal.Application.Settings;
using Portal.Application.Staff;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.UnitTests.Application;

/// <summary>Names are one line of visible text wherever they are typed: no line breaks, NUL or bidi overrides.</summary>
public sealed class PlainNameTests
{
    public static TheoryData<string> HiddenCharacters =>
        ["Anna\nBerg", "Anna\r\nBerg", "Anna\0Berg", "Anna\tBerg", "Anna \u202EgreB", "Anna \u2066Berg"];

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public void A_contact_or_company_name_with_a_hidden_character_is_refused(string name)
    {
        var validator = new SaveContactValidator();

        validator.TestValidate(new SaveContact(null, ContactKind.Person, null, null, new ContactDetails(name)))
            .ShouldHaveValidationErrorFor("Details.Name").WithErrorMessage(ContactValidation.NameNotPlain);
        validator.TestValidate(new SaveContact(null, ContactKind.Person, null, null, new ContactDetails("Anna Berg", CompanyName: name)))
            .ShouldHaveValidationErrorFor("Details.CompanyName").WithErrorMessage(ContactValidation.NameNotPlain);
    }

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public void A_colleagues_name_an_account_holder_and_the_company_name_with_a_hidden_character_are_refused(string name)
    {
        new InviteStaffMemberValidator().TestValidate(new InviteStaffMember("pia@portal.example", name, StaffRole.ReadOnly, "en"))
            .ShouldHaveValidationErrorFor(c => c.DisplayName).WithErrorMessage(ContactValidation.NameNotPlain);
        new AddMyPaymentMethodValidator().TestValidate(new AddMyPaymentMethod(name, "DE89 3704 0044 0532 0130 00", null, true, "en"))
            .ShouldHaveValidationErrorFor(c => c.AccountHolder).WithErrorMessage(ContactValidation.NameNotPlain);
        new UpdateBrandingValidator().TestValidate(new UpdateBranding(name, "#0b5ed7", null, null, null, null))
            .ShouldHaveValidationErrorFor(c => c.CompanyName).WithErrorMessage(ContactValidation.NameNotPlain);
    }

    [Theory]
    [InlineData("Anna Berg")]
    [InlineData("Zoë O'Brien-Łukasiewicz")]
    [InlineData("محمد")]
    [InlineData("株式会社 サンプル")]
    [InlineData(null)]
    public void Names_in_any_script_pass(string? name) => PlainText.IsOneVisibleLine(name).ShouldBeTrue();
}
