using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class ReInviteAndRevokeHandlerTests : HandlerTest
{
    [Fact]
    public async Task Re_inviting_voids_the_older_link_stores_a_new_one_and_queues_one_more_mail()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedGrantAsync(anna);
        Clock.Advance(TimeSpan.FromHours(1));

        using (var request = NewRequest())
        {
            await request.SendAsync(new ReInvitePortalUser(anna, null, null));
            request.Commits.ShouldBe(1);
            request.PublishedEvents.OfType<PortalAccessChanged>().ShouldHaveSingleItem()
                .Kind.ShouldBe(PortalAccessEventKind.ReInvited);
        }

        var user = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        user.State.ShouldBe(PortalAccessState.Invited);
        var invitations = user.Invitations.OrderBy(i => i.Id).ToList();
        invitations.Count.ShouldBe(2);
        invitations[0].VoidedAt.ShouldBe(Clock.GetUtcNow());
        invitations[1].IsOpen.ShouldBeTrue();
        invitations[1].TokenHash.ShouldBe(Tokens.Issued.Last().Hash);
        var mail = await ReadAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        invitations[1].MailId.ShouldBe(mail.Id);
        Mails.Composed.ShouldHaveSingleItem().SetsNewPassword.ShouldBeFalse();
    }

    [Fact]
    public async Task Re_inviting_an_invited_contact_with_a_corrected_email_moves_the_login_too()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@typo.exmaple");
        await SeedGrantAsync(anna);
        Clock.Advance(InvitationPace.MinimumInterval);

        using (var request = NewRequest())
            await request.SendAsync(new ReInvitePortalUser(anna, "Anna@Example.com", null));

        (await PortalUserOfAsync(anna))!.Login.ShouldBe("anna@example.com");
        (await ContactAsync(anna)).Email.ShouldBe("Anna@Example.com");
    }

    [Fact]
    public async Task Re_inviting_an_active_customer_mails_a_set_new_password_link_and_keeps_the_login()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");

        using (var request = NewRequest())
            await request.SendAsync(new ReInvitePortalUser(anna, null, null));

        Mails.Composed.ShouldHaveSingleItem().SetsNewPassword.ShouldBeTrue();
        var user = (await PortalUserOfAsync(anna))!;
        user.State.ShouldBe(PortalAccessState.Active);
        user.PasswordHash.ShouldNotBeNull();
    }

    [Fact]
    public async Task Re_inviting_an_active_customer_to_another_email_is_refused_and_stores_nothing()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");
        var before = await CountRowsAsync();

        using var request = NewRequest();
        var refused = await Should.ThrowAsync<DomainException>(async () =>
            await request.SendAsync(new ReInvitePortalUser(anna, "new@example.com", null)));

        refused.Error.ShouldBe(DomainErrors.EmailLockedByPortalAccess);
        (await CountRowsAsync()).ShouldBe(before);
        (await ContactAsync(anna)).Email.ShouldBe("anna@example.com");
    }

    [Fact]
    public async Task Re_inviting_without_access_is_refused()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");

        using var request = NewRequest();
        var refused = await Should.ThrowAsync<DomainException>(async () =>
            await request.SendAsync(new ReInvitePortalUser(anna, null, null)));

        refused.Error.ShouldBe(DomainErrors.AccessNotGranted);
        (await CountRowsAsync()).ShouldBe(new RowCounts(0, 0, 0, 0));
    }

    [Fact]
    public async Task Re_invites_at_the_same_moment_send_one_mail_and_the_others_are_refused_as_just_sent()
    {
        const int requests = 10;
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedGrantAsync(anna);
        Clock.Advance(InvitationPace.MinimumInterval);
        var mailsBefore = await ReadAsync(db => db.OutboxMessages.CountAsync());

        var outcomes = await SendAtTheSameMomentAsync(new ReInvitePortalUser(anna, null, null), requests);

        outcomes.Count(o => o is null).ShouldBe(1);
        outcomes.Count(o => o == DomainErrors.InvitationJustSent).ShouldBe(requests - 1);
        (await ReadAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(mailsBefore + 1);
        var user = (await PortalUserOfAsync(anna))!;
        user.Invitations.Count.ShouldBe(2);
        user.Invitations.Count(i => i.IsOpen).ShouldBe(1);
    }

    [Fact]
    public async Task Revoking_voids_open_links_clears_the_password_rotates_the_stamp_and_deletes_nothing()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");
        using (var request = NewRequest())
            await request.SendAsync(new ReInvitePortalUser(anna, null, null));
        var before = (await PortalUserOfAsync(anna))!;
        var rowsBefore = await CountRowsAsync();
        CurrentUser.ActorName = "boss@portal.example";
        Clock.Advance(TimeSpan.FromDays(1));

        using (var request = NewRequest())
        {
            await request.SendAsync(new RevokePortalAccess(anna));
            request.Commits.ShouldBe(1);
        }

        var user = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        user.State.ShouldBe(PortalAccessState.Revoked);
        user.PasswordHash.ShouldBeNull();
        user.SecurityStamp.ShouldNotBe(before.SecurityStamp);
        user.Login.ShouldBe("anna@example.com");
        user.Invitations.ShouldAllBe(i => !i.IsOpen);
        user.Invitations.Single(i => i.UsedAt is null).VoidedAt.ShouldBe(Clock.GetUtcNow());
        var last = user.History.OrderBy(h => h.Id).Last();
        last.Kind.ShouldBe(PortalAccessEventKind.Revoked);
        last.Actor.ShouldBe("boss@portal.example");
        (await CountRowsAsync()).ShouldBe(rowsBefore with { HistoryEntries = rowsBefore.HistoryEntries + 1 });
    }

    [Fact]
    public async Task Revoking_twice_is_refused()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedGrantAsync(anna);
        await SeedRevokeAsync(anna);

        using var request = NewRequest();
        var refused = await Should.ThrowAsync<DomainException>(async () =>
            await request.SendAsync(new RevokePortalAccess(anna)));

        refused.Error.ShouldBe(DomainErrors.AccessNotGranted);
    }

    [Fact]
    public async Task Revoking_an_unknown_contact_is_not_found()
    {
        using var request = NewRequest();
        await Should.ThrowAsync<NotFoundException>(async () =>
            await request.SendAsync(new RevokePortalAccess(99)));
    }
}
