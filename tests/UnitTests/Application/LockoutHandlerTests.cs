using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Application.Account;
using Portal.Application.MySecurity;
using Portal.Domain.Security;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>Every wrong guess counts towards the lockout: guesses sent at the same moment, and a wrong current password on a form.</summary>
public sealed class LockoutHandlerTests : HandlerTest
{
    private const string Password = "Blue-Harbor-Lantern-42";
    private const int MaxFailures = 5;

    [Fact]
    public async Task Wrong_passwords_sent_at_the_same_moment_are_all_counted_and_lock_the_account()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, Password);
        HoldFirstSavesUntilAllHaveRead(MaxFailures);

        var results = await Task.WhenAll(Enumerable.Range(1, MaxFailures).Select(attempt => Task.Run(async () =>
        {
            using var request = NewRequest();
            return await request.SendAsync(new SignIn("anna@example.com", $"Wrong-Guess-{attempt}"));
        })));

        results.ShouldAllBe(r => r == SignInResult.Failed);
        var user = (await PortalUserOfAsync(anna))!;
        user.IsLockedOut(Clock.GetUtcNow()).ShouldBeTrue();
        (await FailedSignInsOfAsync(user.Id)).ShouldBe(MaxFailures);
        (await SignInAsync(Password)).ShouldBe(SignInResult.Failed);
    }

    [Fact]
    public async Task A_wrong_current_password_on_a_form_is_refused_and_counted_although_the_form_changes_nothing()
    {
        var userId = await SignedInCustomerAsync();
        var forms = new Func<Request, Task>[]
        {
            r => r.SendAsync(new ChangeMyPassword("Wrong-Guess-1", "Green-Meadow-Falcon-93", "Green-Meadow-Falcon-93")).AsTask(),
            r => r.SendAsync(new RequestMyEmailChange("anna.new@example.com", "Wrong-Guess-2")).AsTask(),
            r => r.SendAsync(new CloseMyAccount("Wrong-Guess-3")).AsTask(),
            r => r.SendAsync(new DisableTwoFactor("Wrong-Guess-4")).AsTask(),
        };
        var stampBefore = (await ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId))).SecurityStamp;

        foreach (var form in forms)
        {
            using var request = NewRequest();
            var refusal = await Should.ThrowAsync<ValidationException>(() => form(request));
            refusal.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(ChangeMyPasswordValidator.CurrentWrong);
        }

        var user = await ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        user.FailedSignInCount.ShouldBe(forms.Length);
        user.PasswordHash.ShouldBe(FakePasswordHasher.HashOf(Password));
        user.SecurityStamp.ShouldBe(stampBefore);
        (await FailedSignInsOfAsync(userId)).ShouldBe(forms.Length);
    }

    [Fact]
    public async Task The_wrong_current_password_that_reaches_the_limit_locks_the_account_and_ends_its_sessions()
    {
        var userId = await SignedInCustomerAsync();
        var stampBefore = (await ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId))).SecurityStamp;

        for (var attempt = 1; attempt <= MaxFailures; attempt++)
            await Should.ThrowAsync<ValidationException>(() => SendAsync(new DisableTwoFactor($"Wrong-Guess-{attempt}")).AsTask());

        var user = await ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        user.IsLockedOut(Clock.GetUtcNow()).ShouldBeTrue();
        user.SecurityStamp.ShouldNotBe(stampBefore);
        (await ReadAsync(db => db.SecurityEvents.CountAsync(e => e.UserAccountId == userId && e.Kind == SecurityEventKind.LockedOut)))
            .ShouldBe(1);
        (await SignInAsync(Password)).ShouldBe(SignInResult.Failed);
    }

    [Fact]
    public async Task While_the_account_is_locked_out_not_even_the_right_current_password_is_accepted()
    {
        var userId = await SignedInCustomerAsync();
        for (var attempt = 1; attempt <= MaxFailures; attempt++) await SignInAsync($"Wrong-Guess-{attempt}");

        await Should.ThrowAsync<ValidationException>(
            () => SendAsync(new ChangeMyPassword(Password, "Green-Meadow-Falcon-93", "Green-Meadow-Falcon-93")).AsTask());

        (await ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId))).PasswordHash
            .ShouldBe(FakePasswordHasher.HashOf(Password));
    }

    [Fact]
    public async Task The_right_current_password_counts_nothing_and_lets_the_form_through()
    {
        var userId = await SignedInCustomerAsync();

        await SendAsync(new ChangeMyPassword(Password, "Green-Meadow-Falcon-93", "Green-Meadow-Falcon-93"));

        var user = await ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        user.PasswordHash.ShouldBe(FakePasswordHasher.HashOf("Green-Meadow-Falcon-93"));
        user.FailedSignInCount.ShouldBe(0);
    }

    private async Task<int> SignedInCustomerAsync()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, Password);
        var userId = (await PortalUserOfAsync(anna))!.Id;
        CurrentUser.UserId = userId;
        return userId;
    }

    private async Task<SignInResult> SignInAsync(string password)
    {
        using var request = NewRequest(new FakeCurrentUser());
        return await request.SendAsync(new SignIn("anna@example.com", password));
    }

    private Task<int> FailedSignInsOfAsync(int userId) =>
        ReadAsync(db => db.SecurityEvents.CountAsync(e => e.UserAccountId == userId && e.Kind == SecurityEventKind.SignInFailed));
}
