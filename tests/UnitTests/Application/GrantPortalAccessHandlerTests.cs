using Microsoft.EntityFrameworkCore;
using Portal.Application.Common;
using Portal.Application.PortalAccess;
using Portal.Domain.Common;
using Portal.Domain.PortalAccess;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class GrantPortalAccessHandlerTests : HandlerTest
{
    [Fact]
    public async Task Granting_writes_the_portal_user_an_invitation_holding_only_the_token_hash_and_one_outbox_message_in_one_save()
    {
        var anna = await AddPersonAsync("Anna Berg", " Anna.Berg@Example.com ", language: "de");

        using (var request = NewRequest())
        {
            await request.SendAsync(new GrantPortalAccess(anna, null, "  Welcome aboard!  "));
            request.Commits.ShouldBe(1);
            request.DatabaseSaves.ShouldBe(1);
        }

        var issued = Tokens.Issued.ShouldHaveSingleItem();
        var user = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        user.State.ShouldBe(PortalAccessState.Invited);
        user.Login.ShouldBe("anna.berg@example.com");
        user.PasswordHash.ShouldBeNull();
        user.History.ShouldHaveSingleItem().Kind.ShouldBe(PortalAccessEventKind.Granted);
        user.History.Single().Actor.ShouldBe(CurrentUser.ActorName);

        var invitation = user.Invitations.ShouldHaveSingleItem();
        invitation.TokenHash.ShouldBe(issued.Hash);
        invitation.TokenHash.ShouldNotBe(issued.Token);
        invitation.TokenHash.ShouldMatch("^[0-9a-f]{64}$");
        invitation.IsOpen.ShouldBeTrue();
        invitation.CreatedAt.ShouldBe(Clock.GetUtcNow());
        invitation.ExpiresAt.ShouldBe(Clock.GetUtcNow() + Invitation.DefaultValidity);

        var mail = await ReadAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        mail.ShouldHaveSingleItem();
        invitation.MailId.ShouldBe(mail[0].Id);
        mail[0].ToAddress.ShouldBe("Anna.Berg@Example.com");
        mail[0].Status.ShouldBe(Portal.Domain.Mail.OutboxStatus.Pending);
        mail[0].TextBody.ShouldContain(issued.Token);
        mail[0].TextBody.ShouldNotContain(issued.Hash);
    }

    [Fact]
    public async Task Granting_asks_for_a_mail_in_the_contacts_language_with_the_token_expiry_inviter_and_trimmed_welcome()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com", language: "de");
        Settings.Change(s => s with { InvitationValidityHours = 3 * 24 });

        using var request = NewRequest();
        await request.SendAsync(new GrantPortalAccess(anna, null, "  Welcome aboard!  "));

        var content = Mails.Composed.ShouldHaveSingleItem();
        content.ToAddress.ShouldBe("anna@example.com");
        content.ToName.ShouldBe("Anna Berg");
        content.Language.ShouldBe("de");
        content.Token.ShouldBe(Tokens.Issued.Single().Token);
        content.ExpiresAt.ShouldBe(Clock.GetUtcNow() + TimeSpan.FromDays(3));
        content.InvitedBy.ShouldBe(CurrentUser.ActorName);
        content.WelcomeMessage.ShouldBe("Welcome aboard!");
        content.SetsNewPassword.ShouldBeFalse();
    }

    [Fact]
    public async Task Granting_with_an_email_corrected_in_the_wizard_stores_it_on_the_contact_and_as_the_normalised_login()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@typo.exmaple");

        using (var request = NewRequest())
            await request.SendAsync(new GrantPortalAccess(anna, " Anna@Example.com", null));

        (await ContactAsync(anna)).Email.ShouldBe("Anna@Example.com");
        (await PortalUserOfAsync(anna)).ShouldNotBeNull().Login.ShouldBe("anna@example.com");
        Mails.Composed.Single().ToAddress.ShouldBe("Anna@Example.com");
    }

    [Fact]
    public async Task Granting_publishes_PortalAccessChanged_for_the_contact_with_the_change()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");

        using var request = NewRequest();
        await request.SendAsync(new GrantPortalAccess(anna, null, null));

        var changed = request.PublishedEvents.OfType<PortalAccessChanged>().ShouldHaveSingleItem();
        changed.ContactId.ShouldBe(anna);
        changed.Login.ShouldBe("anna@example.com");
        changed.Kind.ShouldBe(PortalAccessEventKind.Granted);
        changed.Actor.ShouldBe(CurrentUser.ActorName);
        changed.OccurredAt.ShouldBe(Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_grant_refused_because_another_portal_user_has_the_email_stores_nothing_and_keeps_the_email()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedGrantAsync(anna);
        var other = await AddPersonAsync("Anna B. (duplicate)", "old@example.com");
        var before = await CountRowsAsync();

        using var request = NewRequest();
        var refused = await Should.ThrowAsync<DomainException>(async () =>
            await request.SendAsync(new GrantPortalAccess(other, "ANNA@example.com ", null)));

        refused.Error.ShouldBe(DomainErrors.EmailUsedByAnotherUser);
        request.DatabaseSaves.ShouldBe(0);
        (await CountRowsAsync()).ShouldBe(before);
        (await PortalUserOfAsync(other)).ShouldBeNull();
        (await ContactAsync(other)).Email.ShouldBe("old@example.com");
        Mails.Composed.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_grant_refused_because_the_email_is_an_internal_users_login_stores_nothing()
    {
        await AddInternalUserAsync("Staff@Portal.example", "Staff");
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");

        using var request = NewRequest();
        var refused = await Should.ThrowAsync<DomainException>(async () =>
            await request.SendAsync(new GrantPortalAccess(anna, "staff@portal.example", null)));

        refused.Error.ShouldBe(DomainErrors.EmailBelongsToInternalUser);
        (await CountRowsAsync()).ShouldBe(new RowCounts(Users: 1, Invitations: 0, HistoryEntries: 0, OutboxMessages: 0));
        (await ContactAsync(anna)).Email.ShouldBe("anna@example.com");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-an-email")]
    public async Task A_grant_to_a_contact_without_a_valid_email_is_refused_and_stores_nothing(string? email)
    {
        var anna = await AddPersonAsync("Anna Berg", email);

        using var request = NewRequest();
        var refused = await Should.ThrowAsync<DomainException>(async () =>
            await request.SendAsync(new GrantPortalAccess(anna, null, null)));

        refused.Error.ShouldBe(DomainErrors.EmailInvalid);
        (await CountRowsAsync()).ShouldBe(new RowCounts(0, 0, 0, 0));
    }

    [Fact]
    public async Task A_second_grant_while_invited_is_refused_and_adds_no_invitation_or_mail()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedGrantAsync(anna);

        using var request = NewRequest();
        var refused = await Should.ThrowAsync<DomainException>(async () =>
            await request.SendAsync(new GrantPortalAccess(anna, null, null)));

        refused.Error.ShouldBe(DomainErrors.AccessAlreadyGranted);
        (await CountRowsAsync()).ShouldBe(new RowCounts(Users: 1, Invitations: 1, HistoryEntries: 1, OutboxMessages: 0));
    }

    [Fact]
    public async Task Granting_an_unknown_contact_is_not_found()
    {
        using var request = NewRequest();
        await Should.ThrowAsync<NotFoundException>(async () =>
            await request.SendAsync(new GrantPortalAccess(4711, "x@example.com", null)));
    }

    [Fact]
    public async Task Granting_again_after_a_revoke_reuses_the_same_user_row_and_keeps_its_history()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");
        await SeedRevokeAsync(anna);
        var revoked = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        Clock.Advance(TimeSpan.FromDays(1));

        using (var request = NewRequest())
            await request.SendAsync(new GrantPortalAccess(anna, null, null));

        var user = (await PortalUserOfAsync(anna)).ShouldNotBeNull();
        user.Id.ShouldBe(revoked.Id);
        user.State.ShouldBe(PortalAccessState.Invited);
        user.History.OrderBy(h => h.Id).Select(h => h.Kind).ShouldBe(
            [PortalAccessEventKind.Granted, PortalAccessEventKind.Accepted, PortalAccessEventKind.Revoked, PortalAccessEventKind.Granted]);
        user.Invitations.Count.ShouldBe(2);
        user.Invitations.Count(i => i.IsOpen).ShouldBe(1);
        (await CountRowsAsync()).Users.ShouldBe(1);
    }

    [Fact]
    public async Task Granting_a_contact_whose_own_revoked_login_is_the_email_is_allowed()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedGrantAsync(anna);
        await SeedRevokeAsync(anna);

        using var request = NewRequest();
        await request.SendAsync(new GrantPortalAccess(anna, "ANNA@example.com", null));

        (await PortalUserOfAsync(anna)).ShouldNotBeNull().State.ShouldBe(PortalAccessState.Invited);
        (await CountRowsAsync()).Users.ShouldBe(1);
    }
}
