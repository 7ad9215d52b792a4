using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Account;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class AcceptInvitationHandlerTests : HandlerTest
{
    private const string Password = "Blue-Harbor-Lantern-42";

    private async Task<(int ContactId, string Token)> InvitedAnnaAsync()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna.berg@example.com", language: "de");
        return (anna, await SeedGrantAsync(anna));
    }

    private async Task<SignedInUser?> AcceptAsync(string token, string password = Password)
    {
        using var request = NewRequest();
        return await request.SendAsync(new AcceptInvitation(token, password, password));
    }

    [Fact]
    public async Task Accepting_sets_the_hashed_password_activates_the_user_uses_the_link_and_signs_in()
    {
        var (anna, token) = await InvitedAnnaAsync();
        var stampBefore = (await PortalUserOfAsync(anna))!.SecurityStamp;
        Clock.Advance(TimeSpan.FromHours(2));

        var signedIn = await AcceptAsync(token);

        var user = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        user.State.ShouldBe(PortalAccessState.Active);
        user.PasswordHash.ShouldBe(FakePasswordHasher.HashOf(Password));
        user.SecurityStamp.ShouldNotBe(stampBefore);
        user.LastSignInAt.ShouldBe(Clock.GetUtcNow());
        user.Invitations.Single().UsedAt.ShouldBe(Clock.GetUtcNow());
        user.History.OrderBy(h => h.Id).Select(h => h.Kind).ShouldBe([PortalAccessEventKind.Granted, PortalAccessEventKind.Accepted]);

        signedIn.ShouldBe(new SignedInUser(user.Id, UserKind.Portal, "anna.berg@example.com", "Anna Berg", user.SecurityStamp, "de"));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_as_unknown_and_stores_nothing()
    {
        var (anna, _) = await InvitedAnnaAsync();

        var refused = await Should.ThrowAsync<DomainException>(() => AcceptAsync("token-that-was-never-issued"));

        refused.Error.ShouldBe(DomainErrors.InvitationUnknown);
        var user = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        user.State.ShouldBe(PortalAccessState.Invited);
        user.PasswordHash.ShouldBeNull();
        user.Invitations.Single().UsedAt.ShouldBeNull();
    }

    [Fact]
    public async Task The_stored_hash_itself_is_not_a_usable_token()
    {
        var (_, token) = await InvitedAnnaAsync();

        var refused = await Should.ThrowAsync<DomainException>(() => AcceptAsync(Tokens.Hash(token)));

        refused.Error.ShouldBe(DomainErrors.InvitationUnknown);
    }

    [Fact]
    public async Task A_link_opened_exactly_at_its_expiry_is_refused_as_expired_and_stores_nothing()
    {
        var (anna, token) = await InvitedAnnaAsync();
        Clock.Advance(Invitation.DefaultValidity);

        var refused = await Should.ThrowAsync<DomainException>(() => AcceptAsync(token));

        refused.Error.ShouldBe(DomainErrors.InvitationExpired);
        var user = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        user.State.ShouldBe(PortalAccessState.Invited);
        user.PasswordHash.ShouldBeNull();
        user.LastSignInAt.ShouldBeNull();
        user.History.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_link_opened_a_tick_before_its_expiry_still_works()
    {
        var (_, token) = await InvitedAnnaAsync();
        Clock.Advance(Invitation.DefaultValidity - TimeSpan.FromTicks(1));

        (await AcceptAsync(token))!.Kind.ShouldBe(UserKind.Portal);
    }

    [Fact]
    public async Task A_used_link_is_refused_the_second_time()
    {
        var (_, token) = await InvitedAnnaAsync();
        await AcceptAsync(token);

        var refused = await Should.ThrowAsync<DomainException>(() => AcceptAsync(token, "Another-Quiet-Meadow-77"));

        refused.Error.ShouldBe(DomainErrors.InvitationUsed);
    }

    [Fact]
    public async Task A_link_of_a_revoked_user_is_refused_as_revoked()
    {
        var (anna, token) = await InvitedAnnaAsync();
        await SeedRevokeAsync(anna);

        var refused = await Should.ThrowAsync<DomainException>(() => AcceptAsync(token));

        refused.Error.ShouldBe(DomainErrors.InvitationRevoked);
        (await PortalUserOfAsync(anna))!.State.ShouldBe(PortalAccessState.Revoked);
    }

    [Fact]
    public async Task A_link_replaced_by_a_re_invite_is_refused_as_voided()
    {
        var (anna, oldToken) = await InvitedAnnaAsync();
        Clock.Advance(InvitationPace.MinimumInterval);
        using (var request = NewRequest())
            await request.SendAsync(new ReInvitePortalUser(anna, null, null));

        var refused = await Should.ThrowAsync<DomainException>(() => AcceptAsync(oldToken));

        refused.Error.ShouldBe(DomainErrors.InvitationVoided);
        (await AcceptAsync(Tokens.Issued.Last().Token))!.Login.ShouldBe("anna.berg@example.com");
    }

    [Theory]
    [InlineData("Anna.Berg-Harbor-Lantern")]
    [InlineData("my-BERG-lantern-harbor-9")]
    [InlineData("x-anna.berg@example.com-x")]
    public async Task A_password_made_of_the_users_own_email_or_name_is_refused_and_stores_nothing(string password)
    {
        var (anna, token) = await InvitedAnnaAsync();

        var refused = await Should.ThrowAsync<ValidationException>(() => AcceptAsync(token, password));

        refused.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(PasswordPolicy.ContainsPersonalDataMessage);
        refused.Errors.Single().PropertyName.ShouldBe(nameof(AcceptInvitation.Password));
        var user = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        user.State.ShouldBe(PortalAccessState.Invited);
        user.Invitations.Single().UsedAt.ShouldBeNull();
    }

    [Fact]
    public async Task An_active_user_re_invited_sets_a_new_password_and_older_sessions_end()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna.berg@example.com");
        await SeedActiveAsync(anna, Password);
        var before = (await PortalUserOfAsync(anna))!;
        using (var request = NewRequest())
            await request.SendAsync(new ReInvitePortalUser(anna, null, null));

        await AcceptAsync(Tokens.Issued.Last().Token, "Another-Quiet-Meadow-77");

        var user = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        user.State.ShouldBe(PortalAccessState.Active);
        user.PasswordHash.ShouldBe(FakePasswordHasher.HashOf("Another-Quiet-Meadow-77"));
        user.SecurityStamp.ShouldNotBe(before.SecurityStamp);
        (await ReadAsync(db => db.Invitations.CountAsync(i => i.UsedAt != null))).ShouldBe(2);
    }

    [Fact]
    public async Task An_active_customers_re_invite_link_signs_nobody_in_so_the_second_factor_cannot_be_skipped()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna.berg@example.com");
        await SeedActiveAsync(anna, Password);
        using (var request = NewRequest())
            await request.SendAsync(new ReInvitePortalUser(anna, null, null));
        var lastSignIn = (await PortalUserOfAsync(anna))!.LastSignInAt;
        Clock.Advance(TimeSpan.FromMinutes(5));

        var signedIn = await AcceptAsync(Tokens.Issued.Last().Token, "Another-Quiet-Meadow-77");

        signedIn.ShouldBeNull();
        var user = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        user.PasswordHash.ShouldBe(FakePasswordHasher.HashOf("Another-Quiet-Meadow-77"));
        user.LastSignInAt.ShouldBe(lastSignIn, "nobody signed in: the customer signs in with the new password and their second factor");
        AccountMails.Composed.ShouldHaveSingleItem().Kind.ShouldBe(AccountMailKind.PasswordSetThroughInvitation);
        (await ReadAsync(db => db.SecurityEvents.Where(e => e.UserAccountId == user.Id).Select(e => e.Kind).ToListAsync()))
            .ShouldContain(SecurityEventKind.PasswordReset);
    }

    [Fact]
    public async Task Setting_a_password_through_a_re_invite_link_voids_open_reset_and_email_change_links_and_ends_a_lockout()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna.berg@example.com");
        await SeedActiveAsync(anna, Password);
        await using (var db = Database.CreateContext())
        {
            var seeded = await db.PortalUsers.Include(u => u.Tokens).SingleAsync(u => u.ContactId == anna);
            seeded.IssuePasswordReset(Tokens.Create(), Clock.GetUtcNow(), TimeSpan.FromHours(1));
            seeded.RequestEmailChange(
                "anna.neu@example.org", EmailOwner.Nobody, Tokens.Create(), Tokens.Create(), Clock.GetUtcNow(), TimeSpan.FromDays(1),
                    "seed");
            for (var i = 0; i < 5; i++) seeded.RecordFailedSignIn(Clock.GetUtcNow(), 5, TimeSpan.FromMinutes(15));
            await db.SaveChangesAsync();
        }
        using (var request = NewRequest())
            await request.SendAsync(new ReInvitePortalUser(anna, null, null));

        await AcceptAsync(Tokens.Issued.Last().Token, "Another-Quiet-Meadow-77");

        var links = await ReadAsync(db => db.AccountTokens.ToListAsync());
        links.Count.ShouldBe(3, "the reset link, the e-mail change link and the old address's report link");
        links.ShouldAllBe(link => link.VoidedAt == Clock.GetUtcNow());
        var user = await ReadAsync(db => db.Users.SingleAsync(u => u.Login == "anna.berg@example.com"));
        (user.LockoutEndsAt, user.FailedSignInCount).ShouldBe((null, 0));
    }
}
