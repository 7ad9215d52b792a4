using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Account;
using Portal.Domain.Common;
using Portal.Domain.Mail;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class PasswordResetHandlerTests : HandlerTest
{
    private const string Password = "Blue-Harbor-Lantern-42";
    private const string NewPassword = "Copper-Willow-Summit-Lake-58";

    private async Task RequestAsync(string email)
    {
        using var r = NewRequest();
        await r.SendAsync(new RequestPasswordReset(email));
    }

    private async Task ResetAsync(string token, string password)
    {
        using var r = NewRequest();
        await r.SendAsync(new ResetPassword(token, password, password));
    }

    private async Task<PasswordResetView> DescribeAsync(string token)
    {
        using var r = NewRequest();
        return await r.SendAsync(new GetPasswordReset(token));
    }

    [Fact]
    public async Task An_active_customer_gets_a_one_hour_link_in_their_language_with_only_its_hash_stored()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com", language: "de");
        await SeedActiveAsync(anna, Password);
        var before = await CountRowsAsync();

        await RequestAsync(" Anna@Example.com ");

        var token = Tokens.Issued[^1];
        var mail = AccountMails.Composed.ShouldHaveSingleItem();
        mail.ShouldBe(new AccountMailContent(AccountMailKind.PasswordResetLink, "anna@example.com", "Anna Berg", "de", token.Token,
            Clock.GetUtcNow().AddHours(1)));
        var stored = await ReadAsync(db => db.Set<AccountToken>().AsNoTracking().SingleAsync());
        stored.TokenHash.ShouldBe(token.Hash);
        (await CountRowsAsync()).OutboxMessages.ShouldBe(before.OutboxMessages + 1);
        (await ReadAsync(db => db.Set<SecurityEvent>().AsNoTracking().Select(e => e.Kind).ToListAsync()))
            .ShouldContain(SecurityEventKind.PasswordResetRequested);
    }

    [Fact]
    public async Task Unknown_invited_and_revoked_addresses_get_nothing_and_nothing_is_stored()
    {
        var invited = await AddPersonAsync("Ivo Invited", "ivo@example.com");
        await SeedGrantAsync(invited);
        var revoked = await AddPersonAsync("Rosa Revoked", "rosa@example.com");
        await SeedActiveAsync(revoked, Password);
        await SeedRevokeAsync(revoked);
        var before = await CountRowsAsync();

        await RequestAsync("nobody@example.com");
        await RequestAsync("ivo@example.com");
        await RequestAsync("rosa@example.com");

        AccountMails.Composed.ShouldBeEmpty();
        (await CountRowsAsync()).ShouldBe(before);
        (await ReadAsync(db => db.Set<AccountToken>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_link_sets_a_new_password_once_and_a_notice_goes_out()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, Password);
        await RequestAsync("anna@example.com");
        var token = Tokens.Issued[^1].Token;
        (await DescribeAsync(token)).ShouldBe(new PasswordResetView(true, null, "anna@example.com"));
        var stamp = (await PortalUserOfAsync(anna))!.SecurityStamp;

        await ResetAsync(token, NewPassword);

        var user = (await PortalUserOfAsync(anna))!;
        user.PasswordHash.ShouldBe(FakePasswordHasher.HashOf(NewPassword));
        user.SecurityStamp.ShouldNotBe(stamp);
        AccountMails.Composed[^1].ShouldBe(new AccountMailContent(AccountMailKind.PasswordWasReset, "anna@example.com", "Anna Berg", "en"));
        (await DescribeAsync(token)).ShouldBe(PasswordResetView.Unusable);
        (await Should.ThrowAsync<DomainException>(() => ResetAsync(token, "Violet-Canyon-Harvest-Drum-8"))).Error
            .ShouldBe(DomainErrors.LinkInvalid);
    }

    [Fact]
    public async Task A_password_with_the_customers_name_is_refused_and_the_link_stays_open()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, Password);
        await RequestAsync("anna@example.com");
        var token = Tokens.Issued[^1].Token;

        var refused = await Should.ThrowAsync<ValidationException>(() => ResetAsync(token, "Bergwanderung-Lantern-Orbit-7"));

        refused.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(ResetPassword.NewPassword));
        (await PortalUserOfAsync(anna))!.PasswordHash.ShouldBe(FakePasswordHasher.HashOf(Password));
        (await DescribeAsync(token)).IsUsable.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_or_expired_link_is_refused_before_the_password_is_looked_at()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, Password);
        await RequestAsync("anna@example.com");
        var token = Tokens.Issued[^1].Token;
        Clock.Advance(TimeSpan.FromHours(1));

        (await DescribeAsync(token)).ShouldBe(PasswordResetView.Unusable);
        (await DescribeAsync("made-up")).ShouldBe(PasswordResetView.Unusable);
        (await Should.ThrowAsync<DomainException>(() => ResetAsync(token, "Anna-Berg-is-in-here-1"))).Error
            .ShouldBe(DomainErrors.LinkInvalid);
        (await Should.ThrowAsync<DomainException>(() => ResetAsync("made-up", NewPassword))).Error.ShouldBe(DomainErrors.LinkInvalid);
        (await PortalUserOfAsync(anna))!.PasswordHash.ShouldBe(FakePasswordHasher.HashOf(Password));
    }

    [Fact]
    public async Task An_internal_user_gets_a_link_under_the_display_name()
    {
        await AddInternalUserAsync("staff@portal.example", "Sam Staff", Password);

        await RequestAsync("staff@portal.example");

        AccountMails.Composed.ShouldHaveSingleItem().ToName.ShouldBe("Sam Staff");
    }
}
