using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Application.MySecurity;
using Portal.Application.PortalAccess;
using Portal.Domain.Activity;
using Portal.Domain.Mail;
using Portal.Domain.Security;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>
/// What a change leaves behind — security activity, activity entry, outbox mail — is written by the handlers of its
/// domain events before the commit, so it stands or falls with the change.
/// </summary>
public sealed class SideEffectTransactionTests : HandlerTest
{
    private const string Password = "Amber-Falcon-Meadow-Tide-19";

    private bool _mailFails;

    protected override void Replace(IServiceCollection services) =>
        services.Decorate<IAccountMailComposer>((inner, _) => new FailingWhenAsked(inner, () => _mailFails));

    [Fact]
    public async Task A_change_commits_together_with_its_security_activity_and_its_notice_mail()
    {
        var (userId, before) = await SignedInCustomerAsync();

        using var request = NewRequest();
        await request.SendAsync(new ChangeMyPassword(Password, "Copper-Lantern-Harbour-Drift-42", "Copper-Lantern-Harbour-Drift-42"));

        request.Commits.ShouldBe(1);
        (await SecurityKindsAsync(userId)).ShouldBe([SecurityEventKind.SignedIn, SecurityEventKind.PasswordChanged]);
        (await ReadAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(before.OutboxMessages + 1);
    }

    [Fact]
    public async Task A_side_effect_that_fails_rolls_back_the_change_and_every_other_side_effect()
    {
        var (userId, before) = await SignedInCustomerAsync();
        var stampBefore = (await ReadAsync(db => db.Users.SingleAsync(u => u.Id == userId))).SecurityStamp;
        _mailFails = true;

        await Should.ThrowAsync<InvalidOperationException>(() =>
            SendAsync(new ChangeMyPassword(Password, "Copper-Lantern-Harbour-Drift-42", "Copper-Lantern-Harbour-Drift-42")).AsTask());

        var stored = await ReadAsync(db => db.Users.SingleAsync(u => u.Id == userId));
        (stored.PasswordHash, stored.SecurityStamp).ShouldBe((FakePasswordHasher.HashOf(Password), stampBefore));
        (await SecurityKindsAsync(userId))
            .ShouldBe([SecurityEventKind.SignedIn], "the activity line written before the failure is gone too");
        (await CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_change_that_clashes_at_the_commit_leaves_no_activity_entry_and_no_mail()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        var before = await CountRowsAsync();
        // Someone else grants access to the same contact between this request's read and its commit.
        Hooks.BeforeSave = async (_, _) =>
        {
            Hooks.BeforeSave = null;
            await SeedGrantAsync(anna);
        };

        await Should.ThrowAsync<ConflictException>(() => SendAsync(new GrantPortalAccess(anna, null, null)).AsTask());

        var after = await CountRowsAsync();
        (after.OutboxMessages, after.Invitations)
            .ShouldBe((before.OutboxMessages, before.Invitations + 1), "only the other grant's link is stored");
        (await ReadAsync(db => db.ActivityEntries.CountAsync(e => e.Kind == ActivityKind.AccessGranted))).ShouldBe(0);
    }

    private async Task<(int UserId, RowCounts Before)> SignedInCustomerAsync()
    {
        var contactId = await AddPersonAsync("Anna Berg", "anna.berg@example.com");
        await SeedActiveAsync(contactId, Password);
        var userId = (await PortalUserOfAsync(contactId))!.Id;
        await ReadAsync(async db =>
        {
            // Seeded straight through the domain: its sign-in line is written here, as the unit of work would have.
            db.SecurityEvents.Add(SecurityEvent.Record(userId, SecurityEventKind.SignedIn, Clock.GetUtcNow(), null));
            return await db.SaveChangesAsync();
        });
        CurrentUser.UserId = userId;
        return (userId, await CountRowsAsync());
    }

    private Task<List<SecurityEventKind>> SecurityKindsAsync(int userId) =>
        ReadAsync(db => db.SecurityEvents.Where(e => e.UserAccountId == userId).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());

    private sealed class FailingWhenAsked(IAccountMailComposer inner, Func<bool> fails) : IAccountMailComposer
    {
        public ValueTask<OutboxMessage> ComposeAsync(AccountMailContent content, DateTimeOffset now, CancellationToken cancellationToken) =>
            fails()
                ? throw new InvalidOperationException("The mail could not be composed.")
                : inner.ComposeAsync(content, now, cancellationToken);
    }
}
