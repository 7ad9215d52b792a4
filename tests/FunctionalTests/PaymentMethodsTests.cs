using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Payments;
using Portal.Domain.Payments;
using Portal.Domain.Security;
using Portal.FunctionalTests.Support;
using Portal.Infrastructure.Persistence;

namespace Portal.FunctionalTests;

/// <summary>/my/payment-methods: SEPA bank accounts with a mandate, masked everywhere, the default kept exclusive.</summary>
public sealed class PaymentMethodsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string GermanIban = "DE89 3704 0044 0532 0130 00";
    private const string GermanMasked = "DE89 **** **** **** **30 00";
    private const string DutchIban = "NL91 ABNA 0417 1643 00";
    private const string AustrianIban = "AT61 1904 3002 3457 3201";

    private static readonly string[] ValidIbans =
    [
        GermanIban,
        "GB82 WEST 1234 5698 7654 32",
        "FR14 2004 1010 0505 0001 3M02 606",
        DutchIban,
        AustrianIban,
        "CH93 0076 2011 6238 5295 7",
    ];

    private async Task<(PortalBrowser Customer, int ContactId)> CustomerAsync(string name, string email)
    {
        using var admin = await factory.SignedInAdminAsync();
        return await factory.ActiveCustomerAsync(admin, name, email);
    }

    /// <summary>Every way the plain IBAN could be written: electronic, paper form, lower case.</summary>
    private static IEnumerable<string> PlainForms(string iban)
    {
        var electronic = iban.Replace(" ", "", StringComparison.Ordinal);
        return [electronic, iban, electronic.ToLowerInvariant(), electronic[4..]];
    }

    private static void ShouldNotShowInFull(string text, params string[] ibans)
    {
        foreach (var iban in ibans)
            foreach (var form in PlainForms(iban))
                text.ShouldNotContain(form, Case.Insensitive, $"the plain IBAN {Iban.Parse(iban).Masked} must never be shown");
    }

    /// <summary>The contact's accounts in use (removed ones stay on record as mandate evidence, see <see cref="RemovedAsync"/>).</summary>
    private Task<List<PaymentMethod>> StoredAsync(int contactId) =>
        factory.WithDbAsync(db => db.PaymentMethods.AsNoTracking().Where(p => p.ContactId == contactId && p.RemovedAt == null)
            .OrderBy(p => p.Id).ToListAsync());

    private Task<List<PaymentMethod>> RemovedAsync(int contactId) =>
        factory.WithDbAsync(db => db.PaymentMethods.AsNoTracking().Where(p => p.ContactId == contactId && p.RemovedAt != null)
            .OrderBy(p => p.Id).ToListAsync());

    [Fact]
    public async Task My_Account_leads_to_the_payment_methods_and_the_form_shows_the_mandate_of_the_company()
    {
        var (customer, _) = await CustomerAsync("Tilo Tile", "tilo.tile@example.com");
        using var _1 = customer;

        var home = await customer.GetAsync("/my");
        var link = home.Document.QuerySelectorAll("a.tile").Single(a => a.TextContent.Contains("Payment methods"));
        var list = await customer.GetAsync(link.GetAttribute("href")!);
        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Document.QuerySelector("h1")!.TextContent.ShouldBe("Payment methods");
        list.Text.ShouldContain("You have not added a bank account yet.");

        var form = await customer.GetAsync(list.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Add a bank account")
            .GetAttribute("href")!);
        form.Document.QuerySelector("#mandate-heading")!.TextContent.ShouldBe("SEPA Direct Debit mandate");
        form.Text.ShouldContain("you authorise Contoso Trading to send instructions to your bank to debit your account");
        form.Text.ShouldContain("within eight weeks");
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.Document.QuerySelector("[name='Input.AccountHolder']")!).Value.ShouldBe("Tilo Tile");
        var checkbox = (AngleSharp.Html.Dom.IHtmlInputElement)form.Document.QuerySelector("[name='Input.AgreesToMandate'][type=checkbox]")!;
        checkbox.IsChecked.ShouldBeFalse("the customer ticks it themselves");
        form.Document.QuerySelector($"label[for='{checkbox.Id}']")!.TextContent.ShouldBe("I agree to the SEPA Direct Debit mandate above.");
        form.Document.QuerySelector("label[for='Input_Iban']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_german_customer_reads_and_agrees_to_the_german_mandate_text_which_is_recorded()
    {
        const string email = "greta.german@example.com";
        var (english, contactId) = await CustomerAsync("Greta German", email);
        english.Dispose();
        using var customer = factory.NewBrowser("de");
        (await customer.SignInAsync(email, Flows.CustomerPassword)).Path.ShouldBe("/my");

        var form = await customer.GetAsync("/my/payment-methods/new");
        form.Document.QuerySelector("#mandate-heading")!.TextContent.ShouldBe("SEPA-Lastschriftmandat");
        form.Text.ShouldContain("ermächtigen Sie Contoso Trading, Zahlungen von Ihrem Konto mittels Lastschrift einzuziehen");
        var saved = await customer.SubmitAsync(form, "Bankverbindung speichern", new Dictionary<string, string?>
        {
            ["Input.Iban"] = GermanIban,
            ["Input.AgreesToMandate"] = "true",
        });

        saved.Path.ShouldBe("/my/payment-methods");
        saved.Text.ShouldContain($"Die Bankverbindung {GermanMasked} wurde hinzugefügt.");
        var stored = (await StoredAsync(contactId)).ShouldHaveSingleItem();
        stored.MandateLanguage.ShouldBe("de");
        stored.MandateAgreedAt.ShouldBe(factory.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Valid_ibans_of_several_countries_are_accepted_normalised_and_listed_masked()
    {
        var (customer, contactId) = await CustomerAsync("Vera Valid", "vera.valid@example.com");
        using var _1 = customer;

        foreach (var (iban, i) in ValidIbans.Select((iban, i) => (iban, i)))
        {
            // Typed as people type them: with and without spaces, in lower case.
            var typed = i % 2 == 0 ? iban.ToLowerInvariant() : iban.Replace(" ", "", StringComparison.Ordinal);
            var saved = await customer.AddBankAccountAsync(typed);
            saved.Path.ShouldBe("/my/payment-methods", saved.Text);
            saved.Text.ShouldContain($"The bank account {Iban.Parse(iban).Masked} has been added.");
        }

        var list = await customer.GetAsync("/my/payment-methods");
        var shown = list.Document.QuerySelectorAll(".masked-iban").Select(e => e.TextContent.Trim()).ToList();
        shown.ShouldBe(ValidIbans.Select(i => Iban.Parse(i).Masked), ignoreOrder: true);
        shown.ShouldContain(GermanMasked);
        ShouldNotShowInFull(list.Html, ValidIbans);

        var stored = await StoredAsync(contactId);
        stored.Count.ShouldBe(ValidIbans.Length);
        stored.Select(p => p.MaskedIban).ShouldBe(ValidIbans.Select(i => Iban.Parse(i).Masked));
        stored.ShouldAllBe(p => p.MandateReference.StartsWith("PORTAL-") && p.MandateReference.Length <= 35
            && p.AccountHolder == "Vera Valid");
        stored.Select(p => p.MandateReference).Distinct().Count().ShouldBe(ValidIbans.Length);
        stored.Count(p => p.IsDefault).ShouldBe(1);
        stored[0].IsDefault.ShouldBeTrue("the first bank account becomes the default");
        stored.ShouldAllBe(p => p.MandateLanguage == "en");
    }

    [Theory]
    [InlineData("DE88 3704 0044 0532 0130 00", "The check digits of this IBAN don't match.")]
    [InlineData("GB82 WEST 1234 5698 7654 33", "The check digits of this IBAN don't match.")]
    [InlineData("DE89 3704 0044 0532 0130 0", "This IBAN has the wrong number of characters for its country.")]
    [InlineData("NL91 ABNA 0417 1643 001", "This IBAN has the wrong number of characters for its country.")]
    [InlineData("XY89 3704 0044 0532 0130 00", "This IBAN starts with a country code that doesn't use IBANs.")]
    [InlineData("4111 1111 1111 1111", "Card numbers are not accepted.")]
    [InlineData("5500-0055-5555-5559", "Card numbers are not accepted.")]
    [InlineData("DE89 3704 0044 0532 0130 0€", "An IBAN starts with a two-letter country code and two check digits")]
    [InlineData("", "Please enter the IBAN.")]
    public async Task A_wrong_iban_or_a_card_number_is_refused_next_to_the_field_and_nothing_is_stored(string typed, string message)
    {
        var email = $"ivan.{Guid.NewGuid():n}@example.com";
        var (customer, contactId) = await CustomerAsync("Ivan Invalid", email);
        using var _1 = customer;

        var refused = await customer.AddBankAccountAsync(typed, holder: "Ivan Invalid");

        refused.Path.ShouldBe("/my/payment-methods/new");
        refused.FieldError("Input.Iban").ShouldNotBeNull().ShouldContain(message);
        refused.Document.QuerySelector("[name='Input.Iban']")!.GetAttribute("value").ShouldBeNullOrEmpty("a typed IBAN is never sent back");
        ((AngleSharp.Html.Dom.IHtmlInputElement)refused.Document.QuerySelector("[name='Input.AccountHolder']")!).Value
            .ShouldBe("Ivan Invalid");
        (await StoredAsync(contactId)).ShouldBeEmpty();
        var userId = await factory.WithDbAsync(db => db.PortalUsers.Where(u => u.ContactId == contactId).Select(u => u.Id).SingleAsync());
        (await factory.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.UserAccountId == userId
            && e.Kind == SecurityEventKind.PaymentMethodAdded))).ShouldBe(0);
    }

    [Theory]
    [InlineData("COBADEF", "Please enter a valid BIC")]
    [InlineData("COBADEFFXX", "Please enter a valid BIC")]
    [InlineData("CO8ADEFFXXX", "Please enter a valid BIC")]
    [InlineData("BNPAFRPPXXX", "The BIC belongs to a bank in another country than the IBAN.")]
    public async Task A_malformed_bic_or_one_of_another_country_is_refused(string bic, string message)
    {
        var (customer, contactId) = await CustomerAsync("Bianca Bic", $"bianca.{Guid.NewGuid():n}@example.com");
        using var _1 = customer;

        var refused = await customer.AddBankAccountAsync(GermanIban, bic: bic);

        refused.Path.ShouldBe("/my/payment-methods/new");
        refused.FieldError("Input.Bic").ShouldNotBeNull().ShouldContain(message);
        ShouldNotShowInFull(refused.Html, GermanIban);
        (await StoredAsync(contactId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bic_of_the_ibans_country_is_kept_normalised()
    {
        var (customer, contactId) = await CustomerAsync("Bodo Bic", "bodo.bic@example.com");
        using var _1 = customer;

        (await customer.AddBankAccountAsync(GermanIban, bic: " coba deff xxx ")).Path.ShouldBe("/my/payment-methods");

        (await StoredAsync(contactId)).ShouldHaveSingleItem().Bic.ShouldBe("COBADEFFXXX");
        (await customer.GetAsync("/my/payment-methods")).Text.ShouldContain("COBADEFFXXX");
    }

    [Fact]
    public async Task Without_agreeing_to_the_mandate_nothing_is_saved()
    {
        var (customer, contactId) = await CustomerAsync("Manfred Mandate", "manfred.mandate@example.com");
        using var _1 = customer;

        var refused = await customer.AddBankAccountAsync(GermanIban, agree: false);

        refused.Path.ShouldBe("/my/payment-methods/new");
        refused.FieldError("Input.AgreesToMandate").ShouldBe("Please agree to the SEPA Direct Debit mandate to save the bank account.");
        (await StoredAsync(contactId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_bank_account_cannot_be_saved_twice()
    {
        var (customer, contactId) = await CustomerAsync("Doris Double", "doris.double@example.com");
        using var _1 = customer;
        (await customer.AddBankAccountAsync(GermanIban)).Path.ShouldBe("/my/payment-methods");

        var again = await customer.AddBankAccountAsync("de89370400440532013000");

        again.Path.ShouldBe("/my/payment-methods/new");
        again.Document.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("This bank account is already saved.");
        (await StoredAsync(contactId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Making_another_account_the_default_is_exclusive_and_removing_the_default_hands_it_to_the_newest()
    {
        var (customer, contactId) = await CustomerAsync("Dieter Default", "dieter.default@example.com");
        using var _1 = customer;
        await customer.AddBankAccountAsync(GermanIban);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await customer.AddBankAccountAsync(DutchIban);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await customer.AddBankAccountAsync(AustrianIban);
        var stored = await StoredAsync(contactId);
        var (german, dutch, austrian) = (stored[0].Id, stored[1].Id, stored[2].Id);
        stored.Single(p => p.IsDefault).Id.ShouldBe(german);

        var changed = await customer.MakeDefaultAsync(dutch);

        changed.Path.ShouldBe("/my/payment-methods");
        changed.Text.ShouldContain("The default bank account has been changed.");
        (await StoredAsync(contactId)).Where(p => p.IsDefault).Select(p => p.Id).ShouldBe([dutch]);
        changed.PaymentMethodIds()[0].ShouldBe(dutch, "the default is listed first");
        changed.Document.QuerySelector($"[data-payment-method-id='{dutch}'] .badge")!.TextContent.ShouldBe("Default");
        changed.Document.QuerySelector($"form[action*='handler=MakeDefault'] button[value='{dutch}']")
            .ShouldBeNull("the default can't be made default again");

        var removed = await customer.RemoveBankAccountAsync(dutch);

        removed.Text.ShouldContain($"The bank account {Iban.Parse(DutchIban).Masked} has been removed.");
        var remaining = await StoredAsync(contactId);
        remaining.Select(p => p.Id).ShouldBe([german, austrian]);
        remaining.Where(p => p.IsDefault).Select(p => p.Id).ShouldBe([austrian], "the newest remaining account becomes the default");

        await customer.RemoveBankAccountAsync(german);
        (await StoredAsync(contactId)).Single().IsDefault.ShouldBeTrue();
        await customer.RemoveBankAccountAsync(austrian);
        (await StoredAsync(contactId)).ShouldBeEmpty();
        (await customer.GetAsync("/my/payment-methods")).Text.ShouldContain("You have not added a bank account yet.");
        // Each default move above passed the one-default index of the database: the row giving the default up is written first.
        (await RemovedAsync(contactId)).Select(p => (p.Id, p.IsDefault)).ShouldBe([(german, false), (dutch, false), (austrian, false)]);
    }

    [Fact]
    public async Task Adding_making_default_and_removing_each_record_activity_and_send_a_masked_notice_mail()
    {
        const string email = "nora.notice@example.com";
        var (customer, contactId) = await CustomerAsync("Nora Notice", email);
        using var _1 = customer;
        // Each move a second after the last, as a person makes them: mail goes out in the order it was due, and
        // under a frozen clock four mails due at the same instant could leave in any order.
        await customer.AddBankAccountAsync(GermanIban);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await customer.AddBankAccountAsync(DutchIban);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var ids = (await StoredAsync(contactId)).Select(p => p.Id).ToList();
        await customer.MakeDefaultAsync(ids[1]);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await customer.RemoveBankAccountAsync(ids[0]);

        var security = await customer.GetAsync("/my/security");
        var activity = security.Document.QuerySelectorAll("#activity-heading ~ div table tbody tr td:nth-child(2)")
            .Select(td => td.TextContent).ToList();
        activity.Count(a => a == "Bank account added").ShouldBe(2);
        activity.ShouldContain("Default bank account changed");
        activity.ShouldContain("Bank account removed");
        ShouldNotShowInFull(security.Html, GermanIban, DutchIban);

        // The invitation, then two "added", one "default changed" and one "removed".
        var mails = await factory.Smtp.WaitForAsync(email, count: 5);
        var notices = mails.Skip(1).ToList();
        notices.Select(m => m.Subject).ShouldBe([
            "A bank account was added to your account in the Contoso Trading customer portal",
            "A bank account was added to your account in the Contoso Trading customer portal",
            "Your default bank account in the Contoso Trading customer portal was changed",
            "A bank account was removed from your account in the Contoso Trading customer portal",
        ]);
        notices[0].TextBody!.ShouldContain(GermanMasked);
        notices[1].TextBody!.ShouldContain(Iban.Parse(DutchIban).Masked);
        notices[2].TextBody!.ShouldContain(Iban.Parse(DutchIban).Masked);
        notices[3].TextBody!.ShouldContain(GermanMasked);
        foreach (var mail in notices)
        {
            ShouldNotShowInFull(mail.TextBody + mail.HtmlBody + mail.Subject, GermanIban, DutchIban);
            mail.TextBody!.ShouldContain("If this wasn't you");
        }
    }

    [Fact]
    public async Task The_iban_is_stored_encrypted_and_nowhere_in_the_database_in_full()
    {
        var (customer, contactId) = await CustomerAsync("Erik Encrypted", "erik.encrypted@example.com");
        using var _1 = customer;
        await customer.AddBankAccountAsync(GermanIban, bic: "COBADEFFXXX");
        await customer.AddBankAccountAsync(DutchIban);

        // Every column of every bank account row, read as the database returns it.
        var cells = await factory.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM \"PaymentMethods\"";
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            return values;
        });
        cells.ShouldNotBeEmpty();
        ShouldNotShowInFull(string.Join("\n", cells), GermanIban, DutchIban);
        var outbox = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Select(m => m.Subject + m.TextBody + m.HtmlBody)
            .ToListAsync());
        ShouldNotShowInFull(string.Join("\n", outbox), GermanIban, DutchIban);

        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            // The whole database file, its write-ahead log included, holds no trace of the plain value.
            var bytes = new List<byte>();
            foreach (var file in Directory.GetFiles(factory.DataFolder, "portal.db*"))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                bytes.AddRange(memory.ToArray());
            }
            var raw = Encoding.Latin1.GetString(bytes.ToArray());
            ShouldNotShowInFull(raw, GermanIban, DutchIban);
            raw.ShouldContain(GermanMasked, customMessage: "the scan reads the file the rows are in");
        }

        // What is stored is real encryption that the application can read back, not a lost value.
        var stored = await StoredAsync(contactId);
        var protector = factory.Services.GetRequiredService<IIbanProtector>();
        protector.Unprotect(stored[0].ProtectedIban).ShouldBe(Iban.Parse(GermanIban));
        protector.Unprotect(stored[1].ProtectedIban).ShouldBe(Iban.Parse(DutchIban));
        stored[0].ProtectedIban.ShouldNotBe(stored[1].ProtectedIban);
    }

    [Fact]
    public async Task The_data_export_lists_the_accounts_masked()
    {
        var (customer, _) = await CustomerAsync("Xenia Export", "xenia.export@example.com");
        using var _1 = customer;
        await customer.AddBankAccountAsync(GermanIban, bic: "COBADEFFXXX");
        await customer.AddBankAccountAsync(DutchIban);

        var security = await customer.GetAsync("/my/security");
        var download = await customer.SubmitAsync(security, "Download my data");

        download.Status.ShouldBe(HttpStatusCode.OK);
        ShouldNotShowInFull(download.Html, GermanIban, DutchIban);
        using var json = JsonDocument.Parse(download.Html);
        var methods = json.RootElement.GetProperty("paymentMethods").EnumerateArray().ToList();
        methods.Count.ShouldBe(2);
        var german = methods.Single(m => m.GetProperty("maskedIban").GetString() == GermanMasked);
        german.GetProperty("accountHolder").GetString().ShouldBe("Xenia Export");
        german.GetProperty("bic").GetString().ShouldBe("COBADEFFXXX");
        german.GetProperty("mandateReference").GetString()!.ShouldStartWith("PORTAL-");
        german.GetProperty("mandateAgreedAt").ValueKind.ShouldBe(JsonValueKind.String);
        german.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        methods.Single(m => m.GetProperty("maskedIban").GetString() == Iban.Parse(DutchIban).Masked).GetProperty("isDefault").GetBoolean()
            .ShouldBeFalse();
    }

    [Fact]
    public async Task Another_customer_can_neither_make_default_nor_remove_my_account()
    {
        var (mine, myContactId) = await CustomerAsync("Mona Mine", "mona.mine@example.com");
        using var _1 = mine;
        await mine.AddBankAccountAsync(GermanIban);
        await mine.AddBankAccountAsync(DutchIban);
        var myIds = (await StoredAsync(myContactId)).Select(p => p.Id).ToList();
        var (other, _) = await CustomerAsync("Otto Other", "otto.other@example.com");
        using var _2 = other;
        await other.AddBankAccountAsync(AustrianIban);
        var theirList = await other.GetAsync("/my/payment-methods");
        theirList.Text.ShouldNotContain("Mona Mine");
        ShouldNotShowInFull(theirList.Html, GermanIban, DutchIban);
        theirList.Html.ShouldNotContain(Iban.Parse(DutchIban).Masked);
        var token = theirList.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var handler in new[] { "MakeDefault", "Remove" })
        {
            foreach (var id in new[] { myIds[1], myIds[0], 987654 })
            {
                var response = await other.Client.PostAsync($"/my/payment-methods?handler={handler}",
                    new FormUrlEncodedContent([new("__RequestVerificationToken", token),
                        new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{handler} {id}");
            }
        }

        var after = await StoredAsync(myContactId);
        after.Select(p => p.Id).ShouldBe(myIds);
        after.Single(p => p.IsDefault).Id.ShouldBe(myIds[0]);
    }

    [Fact]
    public async Task Only_a_signed_in_customer_reaches_the_pages_and_only_with_the_sites_form()
    {
        var (customer, contactId) = await CustomerAsync("Fiona Forged", "fiona.forged@example.com");
        using var _1 = customer;
        await customer.AddBankAccountAsync(GermanIban);
        var id = (await StoredAsync(contactId)).Single().Id;

        var forged = await customer.Client.PostAsync("/my/payment-methods?handler=Remove",
            new FormUrlEncodedContent([new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "no antiforgery token, nothing removed");
        (await StoredAsync(contactId)).ShouldHaveSingleItem();

        using var visitor = factory.NewBrowser();
        foreach (var path in new[] { "/my/payment-methods", "/my/payment-methods/new" })
        {
            var anonymous = await visitor.GetAsync(path, followRedirects: false);
            anonymous.Status.ShouldBe(HttpStatusCode.Redirect);
            anonymous.Location!.ShouldContain("/account/sign-in");
        }
        using var admin = await factory.SignedInAdminAsync();
        (await admin.GetAsync("/my/payment-methods", followRedirects: false)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_creditor_identifier_from_the_settings_is_checked_and_named_in_the_mandate_text_and_the_confirmation_mail()
    {
        const string email = "carla.creditor@example.com";
        using (var germanAdmin = await factory.SignedInAdminAsync("de"))
        {
            var settings = await germanAdmin.GetAsync("/admin/settings");
            var refused = await germanAdmin.SubmitAsync(settings, "Lastschrift-Einstellungen speichern",
                new Dictionary<string, string?> { ["DirectDebit.CreditorIdentifier"] = "DE97ZZZ09999999999" });
            refused.Document.QuerySelector("#creditor-error")!.TextContent
                .ShouldContain("Bitte geben Sie eine gültige SEPA-Gläubiger-Identifikationsnummer ein");
            var saved = await germanAdmin.SubmitAsync(refused, "Lastschrift-Einstellungen speichern",
                new Dictionary<string, string?> { ["DirectDebit.CreditorIdentifier"] = "de98 zzz0 9999 9999 99" });
            saved.Text.ShouldContain("Die Lastschrift-Einstellungen wurden gespeichert.");
            ((AngleSharp.Html.Dom.IHtmlInputElement)saved.Document.QuerySelector("#DirectDebit_CreditorIdentifier")!).Value
                .ShouldBe("DE98ZZZ09999999999");
        }

        var (customer, contactId) = await CustomerAsync("Carla Creditor", email);
        using var _1 = customer;
        (await customer.GetAsync("/my/payment-methods/new")).Document.QuerySelector("[data-testid=creditor-identifier]")!
            .TextContent.ShouldBe("DE98ZZZ09999999999");
        await customer.AddBankAccountAsync(GermanIban);
        using (var german = factory.NewBrowser("de", customer.Cookies))
        {
            var form = await german.GetAsync("/my/payment-methods/new");
            form.Text.ShouldContain("Gläubiger-Identifikationsnummer");
            form.Document.QuerySelector("[data-testid=creditor-identifier]")!.TextContent.ShouldBe("DE98ZZZ09999999999");
        }

        (await StoredAsync(contactId)).ShouldHaveSingleItem().CreditorIdentifier.ShouldBe("DE98ZZZ09999999999");
        var added = (await factory.Smtp.WaitForAsync(email, count: 2))[1];
        added.Subject.ShouldBe("A bank account was added to your account in the Contoso Trading customer portal");
        added.TextBody!.ShouldContain("The creditor identifier of Contoso Trading is DE98ZZZ09999999999");
    }

    [Fact]
    public async Task The_back_office_shows_a_contacts_accounts_masked_and_read_only()
    {
        var (customer, contactId) = await CustomerAsync("Anton Admin-View", "anton.adminview@example.com");
        using var _1 = customer;
        await customer.AddBankAccountAsync(GermanIban, bic: "COBADEFFXXX");
        await customer.AddBankAccountAsync(DutchIban);
        var stored = await StoredAsync(contactId);

        using var admin = await factory.SignedInAdminAsync();
        var page = await admin.GetAsync($"/admin/contacts/{contactId}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var section = page.Document.QuerySelector("#payment-methods-heading")!.ParentElement!;
        section.QuerySelector("h2")!.TextContent.ShouldBe("Payment methods");
        var rows = section.QuerySelectorAll("tbody tr").ToList();
        rows.Count.ShouldBe(2);
        var germanRow = rows.Single(r => r.QuerySelector(".masked-iban")!.TextContent == GermanMasked);
        germanRow.TextContent.ShouldContain("COBADEFFXXX");
        germanRow.TextContent.ShouldContain(stored[0].MandateReference);
        germanRow.TextContent.ShouldContain("Yes");
        section.QuerySelectorAll("form, button, input").ShouldBeEmpty("read only");
        ShouldNotShowInFull(page.Html, GermanIban, DutchIban);

        await customer.RemoveBankAccountAsync(stored[1].Id);
        (await customer.GetAsync("/my/payment-methods")).PaymentMethodIds().ShouldBe([stored[0].Id], "hidden from the customer");
        var withRemoved = await admin.GetAsync($"/admin/contacts/{contactId}");
        var removedRow = withRemoved.Document.QuerySelector($"tr[data-payment-method-id='{stored[1].Id}']")!;
        removedRow.QuerySelector("[data-testid=payment-method-status]")!.TextContent.ShouldContain("Removed");
        removedRow.TextContent.ShouldContain("the mandate is kept as evidence until");
        removedRow.TextContent.ShouldContain(stored[1].MandateReference);
        withRemoved.Document.QuerySelector($"tr[data-payment-method-id='{stored[0].Id}'] [data-testid=payment-method-status]")!
            .TextContent.Trim().ShouldBe("In use");
        using (var germanAdmin = await factory.SignedInAdminAsync("de"))
        {
            (await germanAdmin.GetAsync($"/admin/contacts/{contactId}")).Document
                .QuerySelector($"tr[data-payment-method-id='{stored[1].Id}'] [data-testid=payment-method-status]")!.TextContent
                .ShouldContain("das Mandat wird bis");
        }

        var other = await admin.CreateContactAsync("Nobody Pays", "nobody.pays@example.com");
        (await admin.GetAsync($"/admin/contacts/{other}")).Document.QuerySelector("#payment-methods-heading")!.ParentElement!.TextContent
            .ShouldContain("No bank accounts.");
    }
}

/// <summary>Every log line the portal writes while bank accounts are added, refused and removed, at every level.</summary>
public sealed class PaymentMethodLogTests(LogCapturingPortalFactory factory) : IClassFixture<LogCapturingPortalFactory>
{
    [Fact]
    public async Task No_log_line_holds_a_plain_iban()
    {
        const string iban = "GB82 WEST 1234 5698 7654 32";
        const string refusedIban = "FR14 2004 1010 0505 0001 3M02 606";
        const string secondIban = "CH93 0076 2011 6238 5295 7";
        using var admin = await factory.SignedInAdminAsync();
        var (customer, contactId) = await factory.ActiveCustomerAsync(admin, "Lars Logless", "lars.logless@example.com");
        using var _1 = customer;

        (await customer.AddBankAccountAsync(iban.ToLowerInvariant(), bic: "NWBKGB2L")).Path.ShouldBe("/my/payment-methods");
        (await customer.AddBankAccountAsync(refusedIban, bic: "COBADEFFXXX")).FieldError("Input.Bic").ShouldNotBeNull();
        (await customer.AddBankAccountAsync(iban)).Path.ShouldBe("/my/payment-methods/new", "already saved");
        (await customer.AddBankAccountAsync(secondIban)).Path.ShouldBe("/my/payment-methods");
        var ids = await factory.WithDbAsync(db => db.PaymentMethods.Where(p => p.ContactId == contactId).OrderBy(p => p.Id)
            .Select(p => p.Id).ToListAsync());
        await customer.MakeDefaultAsync(ids[1]);
        await customer.RemoveBankAccountAsync(ids[0]);
        await factory.Smtp.WaitForAsync("lars.logless@example.com", count: 5);

        var lines = factory.LogLines;
        lines.Count.ShouldBeGreaterThan(50, "the capture sees the portal's logging");
        lines.ShouldContain(l => l.Contains("PaymentMethods", StringComparison.Ordinal),
            "database commands on the table are logged and were looked at");
        foreach (var plain in new[] { iban, refusedIban, secondIban })
        {
            var electronic = plain.Replace(" ", "", StringComparison.Ordinal);
            lines.Where(l => l.Contains(electronic, StringComparison.OrdinalIgnoreCase)
                    || l.Contains(plain, StringComparison.OrdinalIgnoreCase)
                    || l.Contains(electronic[4..], StringComparison.OrdinalIgnoreCase))
                .ShouldBeEmpty();
        }
    }
}
