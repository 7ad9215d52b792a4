using Microsoft.EntityFrameworkCore;
using Portal.Application.Account;
using Portal.Application.PortalAccess;
using Portal.Domain.Activity;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>
/// A staff-initiated e-mail change against a real database: the old address gets a link that cancels the change, and
/// staff can withdraw the change themselves.
/// </summary>
public sealed class EmailChangeReportHandlerTests : HandlerTest
{
    private const string Password = "Amber-Falcon-Meadow-Tide-19";
    private const string OldEmail = "anna.berg@example.com";
    private const string NewEmail = "anna.neu@example.org";

    [Fact]
    public async Task Reporting_the_change_from_the_old_address_cancels_it_and_records_it_for_staff_and_customer()
    {
        var contactId = await ActiveCustomerWithStaffRequestedChangeAsync();
        var confirmToken = AccountMails.Composed.Single(m => m.Kind == AccountMailKind.EmailChangeConfirmation).Token!;
        var notice = AccountMails.Composed.Single(m => m.Kind == AccountMailKind.EmailChangeNotice);
        (notice.ToAddress, notice.Detail).ShouldBe((OldEmail, NewEmail));
        notice.Token.ShouldNotBeNull("the notice carries the report link");
        notice.ExpiresAt.ShouldBe(Clock.GetUtcNow() + TimeSpan.FromHours(24));

        (await SendAsync(new GetEmailChangeReport(notice.Token))).ShouldBe(new EmailChangeReportView(null, NewEmail));
        await SendAsync(new ReportEmailChange(notice.Token));

        (await SendAsync(new GetEmailChange(confirmToken))).Problem.ShouldBe(DomainErrors.LinkInvalid);
        (await Should.ThrowAsync<DomainException>(() => SendAsync(new ConfirmEmailChange(confirmToken)).AsTask()))
            .Error.ShouldBe(DomainErrors.LinkInvalid);
        (await Should.ThrowAsync<DomainException>(() => SendAsync(new ReportEmailChange(notice.Token)).AsTask()))
            .Error.ShouldBe(DomainErrors.LinkInvalid, "the report link works once");
        var user = await ReadAsync(db => db.PortalUsers.Include(u => u.Contact).SingleAsync(u => u.ContactId == contactId));
        (user.Login, user.Contact.Email).ShouldBe((OldEmail, OldEmail));
        (await ReadAsync(db => db.ActivityEntries.Where(a => a.ContactId == contactId).Select(a => a.Kind).ToListAsync()))
            .ShouldContain(ActivityKind.EmailChangeReported);
        (await ReadAsync(db => db.SecurityEvents.Where(e => e.UserAccountId == user.Id).Select(e => e.Kind).ToListAsync()))
            .ShouldContain(SecurityEventKind.EmailChangeReported);
    }

    [Fact]
    public async Task Staff_cancel_a_pending_change_so_its_links_stop_working()
    {
        var contactId = await ActiveCustomerWithStaffRequestedChangeAsync();
        var confirmToken = AccountMails.Composed.Single(m => m.Kind == AccountMailKind.EmailChangeConfirmation).Token!;

        await SendAsync(new CancelContactEmailChange(contactId));

        (await SendAsync(new GetEmailChange(confirmToken))).Problem.ShouldBe(DomainErrors.LinkInvalid);
        (await ReadAsync(db => db.AccountTokens.Where(t => t.Purpose == AccountTokenPurpose.EmailChangeReport).ToListAsync()))
            .ShouldAllBe(t => t.VoidedAt != null);
        (await ReadAsync(db => db.ActivityEntries.Where(a => a.ContactId == contactId).Select(a => a.Kind).ToListAsync()))
            .ShouldContain(ActivityKind.EmailChangeCancelled);
        (await Should.ThrowAsync<DomainException>(() => SendAsync(new CancelContactEmailChange(contactId)).AsTask()))
            .Error.ShouldBe(DomainErrors.NoEmailChangePending);
    }

    private async Task<int> ActiveCustomerWithStaffRequestedChangeAsync()
    {
        var contactId = await AddPersonAsync("Anna Berg", OldEmail);
        await SeedActiveAsync(contactId, Password);
        await SendAsync(new RequestContactEmailChange(contactId, NewEmail));
        return contactId;
    }
}
