using FluentValidation;
using FluentValidation.TestHelper;
using Portal.Application.Account;
using Portal.Application.Contacts;
using Portal.Application.MyAccount;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Contacts;

namespace Portal.UnitTests.Application;

public sealed class SaveContactValidatorTests
{
    private readonly SaveContactValidator _validator = new();

    private static SaveContact Person(ContactDetails? details = null, string? email = "anna@example.com", int? companyId = null) =>
        new(null, ContactKind.Person, email, companyId, details ?? new ContactDetails("Anna Berg", CountryCode: "DE"));

    [Fact]
    public void A_complete_person_passes() =>
        _validator.TestValidate(Person(new ContactDetails("Anna Berg", "+49 30 1", "Main St 1", "10115", "Berlin", "de", "DE123", "Acme",
            "de")))
            .ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_email_is_optional(string? email) =>
        _validator.TestValidate(Person(email: email)).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData("anna")]
    [InlineData("anna@")]
    [InlineData("anna@example")]
    [InlineData("an na@example.com")]
    public void An_invalid_email_is_refused(string email) =>
        _validator.TestValidate(Person(email: email))
            .ShouldHaveValidationErrorFor(c => c.Email).WithErrorMessage(ContactValidation.EmailInvalid);

    [Fact]
    public void An_email_longer_than_254_characters_is_refused() =>
        _validator.TestValidate(Person(email: new string('a', 250) + "@example.com")).ShouldHaveValidationErrorFor(c => c.Email);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string name) =>
        _validator.TestValidate(Person(new ContactDetails(name)))
            .ShouldHaveValidationErrorFor("Details.Name").WithErrorMessage(ContactValidation.NameRequired);

    [Fact]
    public void A_name_longer_than_200_characters_is_refused()
    {
        _validator.TestValidate(Person(new ContactDetails(new string('x', 201))))
            .ShouldHaveValidationErrorFor("Details.Name").WithErrorMessage(ContactValidation.TooLong);
        _validator.TestValidate(Person(new ContactDetails(new string('x', 200)))).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Overlong_detail_fields_are_refused_by_field()
    {
        var result = _validator.TestValidate(Person(new ContactDetails("Anna",
            Phone: new string('1', 51), Street: new string('s', 201), PostalCode: new string('9', 21), City: new string('c', 101),
            VatNumber: new string('v', 31), CompanyName: new string('n', 201))));

        foreach (var field in new[] { "Phone", "Street", "PostalCode", "City", "VatNumber", "CompanyName" })
            result.ShouldHaveValidationErrorFor($"Details.{field}").WithErrorMessage(ContactValidation.TooLong);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("DEU")]
    [InlineData("Germany")]
    public void An_unknown_country_is_refused(string country) =>
        _validator.TestValidate(Person(new ContactDetails("Anna", CountryCode: country)))
            .ShouldHaveValidationErrorFor("Details.CountryCode").WithErrorMessage(ContactValidation.CountryInvalid);

    [Theory]
    [InlineData("DE")]
    [InlineData(" at ")]
    [InlineData("CH")]
    [InlineData(null)]
    public void A_known_country_in_any_case_or_none_passes(string? country) =>
        _validator.TestValidate(Person(new ContactDetails("Anna", CountryCode: country))).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData("fr")]
    [InlineData("EN")]
    [InlineData("")]
    public void Only_english_and_german_are_offered(string language) =>
        _validator.TestValidate(Person(new ContactDetails("Anna", PreferredLanguage: language)))
            .ShouldHaveValidationErrorFor("Details.PreferredLanguage").WithErrorMessage(ContactValidation.LanguageInvalid);

    [Fact]
    public void A_company_cannot_belong_to_a_company() =>
        _validator.TestValidate(new SaveContact(null, ContactKind.Company, null, 7, new ContactDetails("Acme")))
            .ShouldHaveValidationErrorFor(c => c.CompanyId).WithErrorMessage(DomainErrors.CompanyCannotBelongToACompany.Message);

    [Fact]
    public void A_person_may_belong_to_a_company() =>
        _validator.TestValidate(Person(companyId: 7)).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void An_undefined_kind_is_refused() =>
        _validator.TestValidate(new SaveContact(null, (ContactKind)9, null, null, new ContactDetails("Anna")))
            .ShouldHaveValidationErrorFor(c => c.Kind).WithErrorMessage(SaveContactValidator.ContactKindInvalid);
}

public sealed class UpdateMyDetailsValidatorTests
{
    private readonly UpdateMyDetailsValidator _validator = new();

    [Fact]
    public void Valid_details_pass() =>
        _validator.TestValidate(new UpdateMyDetails(new ContactDetails("Anna Berg", CountryCode: "AT", PreferredLanguage: "de")))
            .ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void The_shared_detail_rules_apply_with_the_same_field_names()
    {
        var result = _validator.TestValidate(new UpdateMyDetails(new ContactDetails("", Phone: new string('1', 51), CountryCode: "ZZ",
            PreferredLanguage: "it")));

        result.ShouldHaveValidationErrorFor("Details.Name").WithErrorMessage(ContactValidation.NameRequired);
        result.ShouldHaveValidationErrorFor("Details.Phone").WithErrorMessage(ContactValidation.TooLong);
        result.ShouldHaveValidationErrorFor("Details.CountryCode").WithErrorMessage(ContactValidation.CountryInvalid);
        result.ShouldHaveValidationErrorFor("Details.PreferredLanguage").WithErrorMessage(ContactValidation.LanguageInvalid);
    }
}

public sealed class GrantPortalAccessValidatorTests
{
    private readonly GrantPortalAccessValidator _validator = new();

    [Theory]
    [InlineData(null, null)]
    [InlineData("anna@example.com", "Welcome!")]
    [InlineData("not an email: the domain decides", null)]
    public void Short_input_passes_and_the_email_itself_is_judged_by_the_domain(string? email, string? welcome) =>
        _validator.TestValidate(new GrantPortalAccess(1, email, welcome)).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void An_overlong_email_is_refused() =>
        _validator.TestValidate(new GrantPortalAccess(1, new string('a', 255), null))
            .ShouldHaveValidationErrorFor(c => c.Email).WithErrorMessage(ContactValidation.TooLong);

    [Fact]
    public void A_welcome_message_over_2000_characters_is_refused()
    {
        _validator.TestValidate(new GrantPortalAccess(1, null, new string('w', GrantPortalAccessValidator.WelcomeMessageMaxLength + 1)))
            .ShouldHaveValidationErrorFor(c => c.WelcomeMessage).WithErrorMessage(ContactValidation.TooLong);
        _validator.TestValidate(new GrantPortalAccess(1, null, new string('w', GrantPortalAccessValidator.WelcomeMessageMaxLength)))
            .ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Re_invite_has_the_same_limits()
    {
        var validator = new ReInvitePortalUserValidator();
        validator.TestValidate(new ReInvitePortalUser(1, new string('a', 255), new string('w', 2001)))
            .Errors.Select(e => e.PropertyName)
                .ShouldBe([nameof(ReInvitePortalUser.Email), nameof(ReInvitePortalUser.WelcomeMessage)], ignoreOrder: true);
    }
}

public sealed class AcceptInvitationValidatorTests
{
    private const string Strong = "Blue-Harbor-Lantern-42";
    private readonly Support.FakePortalSettings _settings = new();

    private Task<TestValidationResult<AcceptInvitation>> Validate(string password, string? confirm = null, string token = "token-1") =>
        new AcceptInvitationValidator(_settings).TestValidateAsync(new AcceptInvitation(token, password, confirm ?? password));

    [Theory]
    [InlineData(Strong)]
    [InlineData("correct horse battery staple")]
    [InlineData("Quiet-Meadow-Violin-Otter")]
    public async Task A_strong_passphrase_is_accepted(string password) =>
        (await Validate(password)).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData("")]
    [InlineData("Xq7-pL2!")]
    [InlineData("Xq7-pL2!zZ9")]
    public async Task Fewer_than_12_characters_are_refused(string password) =>
        (await Validate(password)).ShouldHaveValidationErrorFor(c => c.Password).WithErrorMessage(PasswordPolicy.TooShort);

    [Fact]
    public async Task Exactly_12_unguessable_characters_pass() =>
        (await Validate("Xq7-pL2!zZ9#")).ShouldNotHaveValidationErrorFor(c => c.Password);

    [Fact]
    public async Task More_than_128_characters_are_refused()
    {
        (await Validate(string.Concat(Enumerable.Repeat("Blue-Harbor-", 11))[..129]))
            .ShouldHaveValidationErrorFor(c => c.Password).WithErrorMessage(PasswordPolicy.TooLong);
        (await Validate(string.Concat(Enumerable.Repeat("Blue-Harbor-Lantern-42/", 6))[..128]))
            .ShouldNotHaveValidationErrorFor(c => c.Password);
    }

    [Fact]
    public async Task The_configured_minimum_applies_and_the_message_carries_it()
    {
        _settings.Change(s => s with { PasswordMinLength = 16 });

        var refused = (await Validate("Xq7-pL2!zZ9#Wv4k"[..14])).Errors.ShouldHaveSingleItem();

        refused.ErrorMessage.ShouldBe(PasswordPolicy.TooShort);
        Portal.Application.Common.MessageArguments.Of(refused).ShouldBe([16]);
        (await Validate("Xq7-pL2!zZ9#Wv4k")).ShouldNotHaveValidationErrorFor(c => c.Password);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiopas")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("abcdefghijkl")]
    [InlineData("Password2024!")]
    public async Task Dictionary_words_keyboard_walks_repeats_and_sequences_are_refused_as_guessable(string password) =>
        (await Validate(password)).ShouldHaveValidationErrorFor(c => c.Password).WithErrorMessage(PasswordPolicy.TooGuessable);

    [Fact]
    public async Task Only_one_password_message_is_shown_at_a_time() =>
        (await Validate("aaaa")).Errors.Where(e => e.PropertyName == nameof(AcceptInvitation.Password)).ShouldHaveSingleItem();

    [Fact]
    public async Task A_confirmation_that_differs_is_refused() =>
        (await Validate(Strong, Strong + " "))
            .ShouldHaveValidationErrorFor(c => c.ConfirmPassword).WithErrorMessage(PasswordPolicy.ConfirmationMismatch);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_token_is_required(string? token) =>
        (await Validate(Strong, token: token!)).ShouldHaveValidationErrorFor(c => c.Token);

    [Fact]
    public async Task An_overlong_token_is_refused_as_an_unknown_link() =>
        (await Validate(Strong, token: new string('t', 201))).ShouldHaveValidationErrorFor(c => c.Token)
            .WithErrorMessage(DomainErrors.InvitationUnknown.Message);
}

public sealed class PasswordPolicyTests
{
    private static readonly string?[] Anna = ["anna.berg@example.com", "Anna Maria Berg"];

    [Theory]
    [InlineData("anna.berg@example.com!!")]
    [InlineData("x-ANNA.BERG-harbor")]
    [InlineData("Lantern-anna-Harbor")]
    [InlineData("Lantern-Berg-Harbor")]
    [InlineData("Lantern-MARIA-Harbor")]
    public void A_password_containing_the_email_its_local_part_or_a_name_part_contains_personal_data(string password) =>
        PasswordPolicy.ContainsPersonalData(password, Anna).ShouldBeTrue();

    [Fact]
    public void Parts_shorter_than_four_characters_do_not_count() =>
        PasswordPolicy.ContainsPersonalData("Blue-Harbor-Lantern-42-Li", ["li.wu@example.com", "Li Wu"]).ShouldBeFalse();

    [Fact]
    public void Missing_personal_data_is_ignored() =>
        PasswordPolicy.ContainsPersonalData("Blue-Harbor-Lantern-42", [null, "  "]).ShouldBeFalse();

    [Fact]
    public void An_unrelated_passphrase_contains_no_personal_data() =>
        PasswordPolicy.ContainsPersonalData("Blue-Harbor-Lantern-42", Anna).ShouldBeFalse();

    [Fact]
    public void Personal_data_makes_a_password_guessable_for_the_estimator_too() =>
        PasswordPolicy.IsGuessable("annaberg1985", Anna).ShouldBeTrue();

    [Fact]
    public async Task The_rule_builder_reports_personal_data_before_guessability()
    {
        var validator = new InlineValidator<(string Password, string Email)>();
        validator.RuleFor(x => x.Password).MeetsPasswordPolicy(x => [x.Email], new Support.FakePortalSettings());

        (await validator.ValidateAsync(("annaberg-Harbor-42", "annaberg@example.com"))).Errors.ShouldHaveSingleItem()
            .ErrorMessage.ShouldBe(PasswordPolicy.ContainsPersonalDataMessage);
        (await validator.ValidateAsync(("Blue-Harbor-Lantern-42", "annaberg@example.com"))).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Short-1", "The password must be at least 12 characters long.")]
    [InlineData("password1234", PasswordPolicy.TooGuessable)]
    [InlineData("Lantern-anna-Harbor", PasswordPolicy.ContainsPersonalDataMessage)]
    [InlineData("Blue-Harbor-Lantern-42", null)]
    public void A_password_from_the_configuration_is_held_to_the_same_rules(string password, string? problem) =>
        PasswordPolicy.ProblemWith(password, 0, Anna).ShouldBe(problem);

    [Fact]
    public void A_password_from_the_configuration_meets_the_configured_minimum() =>
        PasswordPolicy.ProblemWith("Blue-Harbor-Lantern-42", 24, Anna).ShouldBe("The password must be at least 24 characters long.");
}

public sealed class SignInValidatorTests
{
    private readonly SignInValidator _validator = new();

    [Theory]
    [InlineData("", "secret")]
    [InlineData("anna@example.com", "")]
    public void Email_and_password_are_required_with_one_generic_message(string email, string password) =>
        _validator.TestValidate(new SignIn(email, password)).Errors.ShouldAllBe(e => e.ErrorMessage == SignInValidator.Required);

    [Fact]
    public void Any_password_length_up_to_a_sane_limit_is_checked_by_the_hasher_not_the_validator()
    {
        _validator.TestValidate(new SignIn("anna@example.com", "short")).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(new SignIn("anna@example.com", new string('p', PasswordPolicy.MaxLength * 4 + 1)))
            .ShouldHaveValidationErrorFor(c => c.Password);
    }
}
