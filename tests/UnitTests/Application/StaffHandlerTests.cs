using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Common;
using Portal.Application.Staff;
using Portal.Domain.Common;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class StaffHandlerTests : HandlerTest
{
    public StaffHandlerTests() => Settings.Change(current => current with { InvitationValidityHours = 48 });

    private async Task<int> AddAdministratorAsync(string email) => await AddInternalUserAsync(email, email, "Quiet-Lighthouse-Orchard-77");

    [Fact]
    public async Task Re_invites_of_a_colleague_at_the_same_moment_send_one_mail_and_the_others_are_refused_as_just_sent()
    {
        const int requests = 10;
        CurrentUser.UserId = await AddAdministratorAsync("boss@portal.example");
        var id = await SendAsync(new InviteStaffMember("nora.new@portal.example", "Nora New", StaffRole.ReadOnly, null));
        Clock.Advance(InvitationPace.MinimumInterval);

        var outcomes = await SendAtTheSameMomentAsync(new ReInviteStaffMember(id), requests);

        outcomes.Count(o => o is null).ShouldBe(1);
        outcomes.Count(o => o == DomainErrors.StaffInvitationJustSent).ShouldBe(requests - 1);
        (await ReadAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "nora.new@portal.example"))).ShouldBe(2);
        var user = await ReadAsync(db => db.InternalUsers.AsNoTracking().Include(u => u.Tokens).SingleAsync(u => u.Id == id));
        user.Tokens.Count.ShouldBe(2);
        user.Tokens.Count(t => t.IsUsable(Clock.GetUtcNow())).ShouldBe(1);
    }

    [Fact]
    public async Task Inviting_stores_only_the_token_hash_uses_the_configured_validity_and_queues_the_mail_in_the_same_commit()
    {
        CurrentUser.UserId = await AddAdministratorAsync("boss@portal.example");
        using var r = NewRequest();

        var id = await r.SendAsync(new InviteStaffMember(" Nora.New@Portal.example ", "Nora New", StaffRole.PortalManager, "de"));

        r.Commits.ShouldBe(1);
        var issued = Tokens.Issued.Single();
        var user = await ReadAsync(db => db.InternalUsers.AsNoTracking().Include(u => u.Tokens).SingleAsync(u => u.Id == id));
        user.Login.ShouldBe("nora.new@portal.example");
        user.Status.ShouldBe(StaffStatus.Invited);
        var link = user.Tokens.Single();
        link.TokenHash.ShouldBe(issued.Hash);
        link.TokenHash.ShouldNotBe(issued.Token);
        link.ExpiresAt.ShouldBe(Start + TimeSpan.FromHours(48));
        var mail = StaffMails.Composed.Single();
        mail.Token.ShouldBe(issued.Token);
        mail.Language.ShouldBe("de");
        mail.Role.ShouldBe(StaffRole.PortalManager);
        (await ReadAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "nora.new@portal.example"))).ShouldBe(1);
    }

    [Fact]
    public async Task Inviting_a_customers_login_is_refused_and_stores_nothing()
    {
        var boss = await AddAdministratorAsync("boss@portal.example");
        CurrentUser.UserId = boss;
        var contactId = await AddPersonAsync("Carl Customer", "carl@example.com");
        await SeedGrantAsync(contactId);

        var refusal = await Should.ThrowAsync<DomainException>(() =>
            SendAsync(new InviteStaffMember("CARL@example.com", "Carl Staff", StaffRole.ReadOnly, null)).AsTask());

        refusal.Error.ShouldBe(DomainErrors.EmailUsedByAnotherUser);
        (await ReadAsync(db => db.InternalUsers.CountAsync(u => u.Id != boss))).ShouldBe(0);
        StaffMails.Composed.ShouldBeEmpty();
    }

    [Fact]
    public Task Two_administrators_demoting_each_other_at_the_same_moment_clash_instead_of_leaving_none() =>
        TwoAdministratorsAtTheSameMomentAsync(other => new ChangeStaffRole(other, StaffRole.ReadOnly));

    [Fact]
    public Task Two_administrators_deactivating_each_other_at_the_same_moment_clash_instead_of_leaving_none() =>
        TwoAdministratorsAtTheSameMomentAsync(other => new DeactivateStaffMember(other));

    [Fact]
    public async Task After_one_administrator_was_demoted_the_other_is_the_last_and_stays_one()
    {
        var first = await AddAdministratorAsync("first@portal.example");
        var second = await AddAdministratorAsync("second@portal.example");
        using (var a = NewRequest(new FakeCurrentUser { UserId = second }))
            await a.SendAsync(new ChangeStaffRole(first, StaffRole.ReadOnly));
        using var b = NewRequest();
        // Only the last administrator may still manage staff, and they can't deactivate themselves: the permission check
        // already keeps this request out, so the handler's own guard is reached past the pipeline.
        var handler = ActivatorUtilities.GetServiceOrCreateInstance<DeactivateStaffMemberHandler>(b.Services);

        var refusal = await Should.ThrowAsync<DomainException>(() =>
            handler.Handle(new DeactivateStaffMember(second), CancellationToken.None).AsTask());

        refusal.Error.ShouldBe(DomainErrors.LastAdministrator);
    }

    [Fact]
    public async Task Deactivating_is_refused_for_the_sender_themselves()
    {
        var first = await AddAdministratorAsync("first@portal.example");
        await AddAdministratorAsync("second@portal.example");
        CurrentUser.UserId = first;

        var refusal = await Should.ThrowAsync<DomainException>(() => SendAsync(new DeactivateStaffMember(first)).AsTask());

        refusal.Error.ShouldBe(DomainErrors.StaffCannotDeactivateThemselves);
    }

    /// <summary>
    /// The only two active administrators each send <paramref name="against"/> the other, from a request (scope, context)
    /// of their own, and both are held just before they save until both have got there: each has read before either
    /// writes. Exactly one goes through, the other clashes, and one administrator remains.
    /// </summary>
    private async Task TwoAdministratorsAtTheSameMomentAsync(Func<int, IRequest<Unit>> against)
    {
        var first = await AddAdministratorAsync("first@portal.example");
        var second = await AddAdministratorAsync("second@portal.example");
        var arrived = 0;
        var bothHaveRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Hooks.BeforeSave = async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref arrived) == 2) bothHaveRead.SetResult();
            await bothHaveRead.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        };

        var failures = await Task.WhenAll(SendFailureAsync(second, against(first)), SendFailureAsync(first, against(second)));

        failures.Count(f => f is null).ShouldBe(1, string.Join(" | ", failures.Select(f => f?.Message)));
        failures.OfType<ConflictException>().ShouldHaveSingleItem().InnerException.ShouldBeOfType<DbUpdateConcurrencyException>();
        (await ReadAsync(db => db.InternalUsers.CountAsync(u => u.Role == StaffRole.Administrator && u.DeactivatedAt == null))).ShouldBe(1);
    }

    private Task<Exception?> SendFailureAsync(int sentBy, IRequest<Unit> message) => Task.Run<Exception?>(async () =>
    {
        using var request = NewRequest(new FakeCurrentUser { UserId = sentBy });
        try
        {
            await request.SendAsync(message);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    });
}
