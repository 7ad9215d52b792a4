using Microsoft.EntityFrameworkCore;
using Portal.Application.Payments;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>
/// A removed bank account leaves the customer's list at once, but its SEPA mandate stays on record for the back office for 14
/// months (a debit can be disputed for 13), and housekeeping deletes it after that.
/// </summary>
public sealed class MandateEvidenceTests : HandlerTest
{
    private const string Creditor = "DE98ZZZ09999999999";

    [Fact]
    public async Task A_removed_account_is_hidden_from_the_customer_kept_for_the_back_office_and_deleted_after_fourteen_months()
    {
        var contactId = await SignedInCustomerAsync();
        Settings.Change(s => s with { CreditorIdentifier = Creditor });
        var first = await SendAsync(new AddMyPaymentMethod("Anna Berg", "DE89 3704 0044 0532 0130 00", null, true, "de"));
        var second = await SendAsync(new AddMyPaymentMethod("Anna Berg", "NL91 ABNA 0417 1643 00", null, true, "de"));
        var removedAt = Clock.GetUtcNow();

        await SendAsync(new RemoveMyPaymentMethod(first.Id));

        (await SendAsync(new ListMyPaymentMethods())).Select(m => (m.Id, m.IsDefault)).ShouldBe([(second.Id, true)]);
        var staff = await AddInternalUserAsync("rita@portal.example", "Rita Reader", "Quiet-Reader-Password-1", StaffRole.ReadOnly);
        IReadOnlyList<PaymentMethodItem> backOffice;
        using (var request = NewRequest(new FakeCurrentUser { UserId = staff }))
            backOffice = await request.SendAsync(new ListContactPaymentMethods(contactId));
        backOffice.Select(m => m.Id).ShouldBe([second.Id, first.Id], customMessage: "the removed one after those in use");
        var evidence = backOffice.Single(m => m.Id == first.Id);
        (evidence.RemovedAt, evidence.IsDefault, evidence.MandateReference, evidence.CreditorIdentifier)
            .ShouldBe((removedAt, false, first.MandateReference, Creditor));
        evidence.KeptUntil.ShouldBe(removedAt.AddMonths(14));

        Clock.Advance(removedAt.AddMonths(14) - removedAt - TimeSpan.FromHours(1));
        await RunMaintenanceAsync();
        (await ReadAsync(db => db.PaymentMethods.CountAsync())).ShouldBe(2, "kept until the fourteen months are over");

        Clock.Advance(TimeSpan.FromHours(2));
        await RunMaintenanceAsync();
        (await ReadAsync(db => db.PaymentMethods.Select(p => p.Id).ToListAsync())).ShouldBe([second.Id]);
    }

    [Fact]
    public async Task The_same_account_can_be_added_again_after_it_was_removed_and_the_database_allows_one_default_in_use()
    {
        var contactId = await SignedInCustomerAsync();
        var first = await SendAsync(new AddMyPaymentMethod("Anna Berg", "DE89 3704 0044 0532 0130 00", null, true, "en"));
        await SendAsync(new RemoveMyPaymentMethod(first.Id));

        var again = await SendAsync(new AddMyPaymentMethod("Anna Berg", "DE89 3704 0044 0532 0130 00", null, true, "en"));

        again.IsDefault.ShouldBeTrue();
        await using var db = Database.CreateContext();
        var rows = await db.PaymentMethods.Where(p => p.ContactId == contactId).ToListAsync();
        rows.Count.ShouldBe(2);
        // Whatever the app did wrong, a second default among the accounts in use is refused by the index.
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"PaymentMethods\" SET \"IsDefault\" = TRUE WHERE \"Id\" = {first.Id}");
        await Should.ThrowAsync<Exception>(() =>
            db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"PaymentMethods\" SET \"RemovedAt\" = NULL WHERE \"Id\" = {first.Id}"));
    }

    private async Task<int> SignedInCustomerAsync()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, "Correct-Horse-Battery-9");
        CurrentUser.UserId = await ReadAsync(db => db.PortalUsers.Where(u => u.ContactId == anna).Select(u => u.Id).SingleAsync());
        return anna;
    }
}
