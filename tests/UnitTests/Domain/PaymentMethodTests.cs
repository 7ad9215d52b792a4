using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.UnitTests.Domain;

public sealed class PaymentMethodTests
{
    private const int ContactId = 7;
    private static readonly Iban German = Iban.Parse("DE89 3704 0044 0532 0130 00");
    private static readonly Iban Dutch = Iban.Parse("NL91 ABNA 0417 1643 00");
    private static readonly Iban Austrian = Iban.Parse("AT61 1904 3002 3457 3201");

    private static PaymentMethod AddTo(ContactPaymentMethods methods, Iban iban, DateTimeOffset at, string? bic = null,
        string holder = "Anna Berg") =>
        methods.Add(holder, iban, "protected:" + iban.Value.GetHashCode(), bic, MandateReference.New(), "de", at);

    [Fact]
    public void A_new_bank_account_keeps_the_mandate_and_only_the_masked_iban()
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        var method = methods.Add("  Anna Berg ", German, "CfDJ8-encrypted", " coba deff xxx", "PORTAL-ABCDEFGHIJKLMNOP", "de", Given.Now);

        method.ContactId.ShouldBe(ContactId);
        method.AccountHolder.ShouldBe("Anna Berg");
        method.ProtectedIban.ShouldBe("CfDJ8-encrypted");
        method.MaskedIban.ShouldBe("DE89 **** **** **** **30 00");
        method.Bic.ShouldBe("COBADEFFXXX");
        method.MandateReference.ShouldBe("PORTAL-ABCDEFGHIJKLMNOP");
        method.MandateAgreedAt.ShouldBe(Given.Now);
        method.MandateLanguage.ShouldBe("de");
        method.CreatedAt.ShouldBe(Given.Now);
    }

    [Fact]
    public void The_first_account_becomes_the_default_and_later_ones_do_not()
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        var first = AddTo(methods, German, Given.Now);
        var second = AddTo(methods, Dutch, Given.Now.AddMinutes(1));

        first.IsDefault.ShouldBeTrue();
        second.IsDefault.ShouldBeFalse();
        methods.Default.ShouldBe(first);
    }

    [Fact]
    public void Making_an_account_the_default_clears_every_other_one()
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        var first = AddTo(methods, German, Given.Now);
        var second = AddTo(methods, Dutch, Given.Now.AddMinutes(1));

        methods.MakeDefault(second).ShouldBeTrue();

        second.IsDefault.ShouldBeTrue();
        first.IsDefault.ShouldBeFalse();
        methods.All.Count(m => m.IsDefault).ShouldBe(1);
        methods.MakeDefault(second).ShouldBeFalse("it already is the default");
    }

    [Fact]
    public void Removing_the_default_hands_it_to_the_newest_remaining_account()
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        var oldest = AddTo(methods, German, Given.Now);
        var newest = AddTo(methods, Austrian, Given.Now.AddDays(2));
        var middle = AddTo(methods, Dutch, Given.Now.AddDays(1));

        methods.Remove(oldest, Given.Now.AddDays(3)).ShouldBe(newest);

        methods.All.ShouldBe([newest, middle], ignoreOrder: true);
        newest.IsDefault.ShouldBeTrue();
        middle.IsDefault.ShouldBeFalse();
        oldest.IsDefault.ShouldBeFalse();
        oldest.RemovedAt.ShouldBe(Given.Now.AddDays(3));
    }

    [Fact]
    public void Removing_another_account_leaves_the_default_alone_and_removing_the_last_leaves_none()
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        var first = AddTo(methods, German, Given.Now);
        var second = AddTo(methods, Dutch, Given.Now.AddMinutes(1));

        methods.Remove(second, Given.Now.AddDays(1)).ShouldBeNull();
        first.IsDefault.ShouldBeTrue();
        methods.Remove(first, Given.Now.AddDays(1)).ShouldBeNull();
        methods.All.ShouldBeEmpty();
        methods.Default.ShouldBeNull();
    }

    [Fact]
    public void A_bic_from_another_country_than_the_iban_is_refused()
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        Should.Throw<DomainException>(() => AddTo(methods, German, Given.Now, bic: "BNPAFRPPXXX")).Error
            .ShouldBe(DomainErrors.BicCountryMismatch);
        Should.Throw<DomainException>(() => AddTo(methods, German, Given.Now, bic: "COBA")).Error.ShouldBe(DomainErrors.BicInvalid);
        methods.All.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_account_needs_a_holder_of_at_most_70_characters(string holder)
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        Should.Throw<DomainException>(() => AddTo(methods, German, Given.Now, holder: holder)).Error
            .ShouldBe(DomainErrors.AccountHolderInvalid);
        Should.Throw<DomainException>(() => AddTo(methods, German, Given.Now, holder: new string('a', 71))).Error
            .ShouldBe(DomainErrors.AccountHolderInvalid);
    }

    [Fact]
    public void The_plain_iban_is_never_accepted_as_the_stored_value()
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        Should.Throw<ArgumentException>(() => methods.Add("Anna Berg", German, German.Value, null, MandateReference.New(), "en", Given.Now))
            .Message.ShouldNotContain(German.Value);
        Should.Throw<ArgumentException>(() => methods.Add("Anna Berg", German, "", null, MandateReference.New(), "en", Given.Now));
    }

    [Fact]
    public void A_contact_keeps_at_most_ten_accounts()
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        for (var i = 0; i < ContactPaymentMethods.MaxCount; i++) AddTo(methods, German, Given.Now.AddMinutes(i));
        Should.Throw<DomainException>(() => AddTo(methods, Dutch, Given.Now.AddHours(1))).Error
            .ShouldBe(DomainErrors.PaymentMethodLimitReached);
    }

    [Fact]
    public void Only_a_well_formed_mandate_reference_and_a_known_language_are_recorded()
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        Should.Throw<ArgumentException>(() => methods.Add("Anna Berg", German, "x", null, "PORTAL_" + new string('A', 40), "en",
            Given.Now));
        Should.Throw<ArgumentException>(() => methods.Add("Anna Berg", German, "x", null, MandateReference.New(), "fr", Given.Now));
    }

    [Fact]
    public void A_removed_account_is_kept_as_evidence_for_fourteen_months_and_is_no_longer_one_of_the_contacts()
    {
        var methods = new ContactPaymentMethods(ContactId, []);
        var removed = AddTo(methods, German, Given.Now);
        methods.Remove(removed, Given.Now);

        removed.IsRemoved.ShouldBeTrue();
        PaymentMethod.EvidenceCutoff(Given.Now.AddMonths(14)).ShouldBe(Given.Now);
        Should.Throw<ArgumentException>(() => new ContactPaymentMethods(ContactId, [removed]));
    }
}
