using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Account;
using Portal.Application.Common;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class CompleteTwoFactorSignInHandlerTests : HandlerTest
{
    private const string Password = "Blue-Harbor-Lantern-42";
    private const long EnabledAtStep = 100;

    /// <summary>Codes are looked up in a table instead of computed, so a test says exactly which step a code belongs to.</summary>
    private sealed class TableAuthenticator : ITwoFactorAuthenticator
    {
        public Dictionary<string, long> Steps { get; } =
            new() { ["111111"] = EnabledAtStep, ["222222"] = EnabledAtStep + 1, ["333333"] = EnabledAtStep + 2 };
        public string NewSecret() => "SECRET";
        public string Protect(string secret) => "protected:" + secret;
        public string? Unprotect(string protectedSecret) =>
            protectedSecret.StartsWith("protected:", StringComparison.Ordinal) ? protectedSecret["protected:".Length..] : null;
        public string AuthenticatorUri(string secret, string account) => $"otpauth://totp/{account}?secret={secret}";
        public long? VerifyCode(string secret, string code) => secret == "SECRET" && Steps.TryGetValue(code, out var step) ? step : null;
    }

    private readonly TableAuthenticator _authenticator = new();

    // Like the token generator: known codes instead of ones that depend on the secret and the time.
    protected override void Replace(IServiceCollection services) => services.AddSingleton<ITwoFactorAuthenticator>(_authenticator);

    private async Task<(int UserId, string Stamp)> CustomerWithTwoFactorAsync(params string[] recoveryCodes)
    {
        var contactId = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(contactId, Password);
        await using var db = Database.CreateContext();
        var user = await db.PortalUsers.Include(u => u.RecoveryCodes).SingleAsync(u => u.ContactId == contactId);
        user.StartTwoFactorSetup(_authenticator.Protect("SECRET"));
        user.EnableTwoFactor(EnabledAtStep, recoveryCodes.Select(RecoveryCodes.Hash), Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return (user.Id, user.SecurityStamp);
    }

    private async Task<(TwoFactorSignInResult Result, int Saves)> CompleteAsync(int userId, string stamp, string? code = null,
        string? recoveryCode = null)
    {
        using var request = NewRequest();
        var result = await request.SendAsync(new CompleteTwoFactorSignIn(userId, stamp, code, recoveryCode));
        return (result, request.DatabaseSaves);
    }

    private Task<List<SecurityEventKind>> EventsAsync(int userId) =>
        ReadAsync(db => db.Set<SecurityEvent>().Where(e => e.UserAccountId == userId).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());

    [Fact]
    public async Task A_newer_code_signs_in_with_one_save_and_the_step_is_spent()
    {
        var (userId, stamp) = await CustomerWithTwoFactorAsync();

        var (result, saves) = await CompleteAsync(userId, stamp, code: "222 222");

        result.ShouldBeOfType<TwoFactorSignInResult.Succeeded>().User.Login.ShouldBe("anna@example.com");
        saves.ShouldBe(1);
        (await EventsAsync(userId)).ShouldContain(SecurityEventKind.SignedIn);
        (await ReadAsync(db => db.PortalUsers.SingleAsync(u => u.Id == userId))).LastTotpTimeStep.ShouldBe(EnabledAtStep + 1);
        (await CompleteAsync(userId, stamp, code: "222222")).Result.ShouldBe(TwoFactorSignInResult.WrongCode);
    }

    [Fact]
    public async Task The_code_that_confirmed_the_setup_does_not_sign_in()
    {
        var (userId, stamp) = await CustomerWithTwoFactorAsync();

        (await CompleteAsync(userId, stamp, code: "111111")).Result.ShouldBe(TwoFactorSignInResult.WrongCode);

        (await EventsAsync(userId)).ShouldBe([SecurityEventKind.SignInFailed]);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (userId, stamp) = await CustomerWithTwoFactorAsync("abcd-efgh", "jkmn-pqrs");

        (await CompleteAsync(userId, stamp, recoveryCode: "ABCD EFGH")).Result.ShouldBeOfType<TwoFactorSignInResult.Succeeded>();
        (await CompleteAsync(userId, stamp, recoveryCode: "abcd-efgh")).Result.ShouldBe(TwoFactorSignInResult.WrongCode);

        (await EventsAsync(userId))
            .ShouldBe([SecurityEventKind.RecoveryCodeUsed, SecurityEventKind.SignedIn, SecurityEventKind.SignInFailed]);
        var codes = await ReadAsync(db => db.Set<RecoveryCode>().Where(c => c.UserAccountId == userId).ToListAsync());
        codes.Count(c => c.UsedAt != null).ShouldBe(1);
    }

    [Fact]
    public async Task A_changed_stamp_ends_the_pending_sign_in_without_trying_the_code()
    {
        var (userId, _) = await CustomerWithTwoFactorAsync();

        var (result, saves) = await CompleteAsync(userId, "an-older-stamp", code: "222222");

        result.ShouldBe(TwoFactorSignInResult.Expired);
        saves.ShouldBe(0);
        (await ReadAsync(db => db.PortalUsers.SingleAsync(u => u.Id == userId))).LastTotpTimeStep.ShouldBe(EnabledAtStep);
    }

    [Fact]
    public async Task Wrong_codes_lock_like_wrong_passwords_and_while_locked_even_a_right_code_is_refused()
    {
        var (userId, stamp) = await CustomerWithTwoFactorAsync();
        var max = new AccountSecurityOptions().MaxFailedSignIns;

        for (var attempt = 1; attempt < max; attempt++)
            (await CompleteAsync(userId, stamp, code: "999999")).Result.ShouldBe(TwoFactorSignInResult.WrongCode);
        (await CompleteAsync(userId, stamp, code: "999999")).Result.ShouldBe(TwoFactorSignInResult.LockedOut);
        (await CompleteAsync(userId, stamp, code: "222222")).Result.ShouldBe(TwoFactorSignInResult.LockedOut);

        var events = await EventsAsync(userId);
        events.Count(e => e == SecurityEventKind.SignInFailed).ShouldBe(max + 1);
        events.Count(e => e == SecurityEventKind.LockedOut).ShouldBe(1);

        Clock.Advance(new AccountSecurityOptions().LockoutDuration);
        (await CompleteAsync(userId, stamp, code: "222222")).Result.ShouldBeOfType<TwoFactorSignInResult.Succeeded>();
    }
}
