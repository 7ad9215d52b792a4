using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Account;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>"Forgot your password?" does the very same work for an account as for an unknown address: it only queues the request.</summary>
public sealed class ForgotPasswordHandlerTests : HandlerTest
{
    private readonly List<QueuedPasswordReset> _queued = [];

    protected override void Replace(IServiceCollection services) =>
        services.AddSingleton<IPasswordResetQueue>(new RecordingQueue(_queued));

    [Fact]
    public async Task An_account_and_an_unknown_address_are_both_only_queued_without_a_database_write()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");
        CurrentUser.IpAddress = "198.51.100.4";
        var tokensBefore = Tokens.Issued.Count;

        var saves = new List<int>();
        foreach (var email in new[] { "anna@example.com", "nobody@example.com" })
        {
            using var request = NewRequest();
            await request.SendAsync(new ForgotPassword(email));
            saves.Add(request.DatabaseSaves);
        }

        saves.ShouldBe([0, 0]);
        _queued.ShouldBe([new("anna@example.com", "198.51.100.4"), new("nobody@example.com", "198.51.100.4")]);
        Tokens.Issued.Count.ShouldBe(tokensBefore);
        AccountMails.Composed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sign_in_checks_a_password_hash_as_often_for_an_unknown_address_as_for_an_account()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, "Blue-Harbor-Lantern-42");

        var checks = new List<int>();
        foreach (var email in new[] { "anna@example.com", "nobody@example.com" })
        {
            var before = Hasher.Verifications;
            await SendAsync(new SignIn(email, "Wrong-Guess-1"));
            checks.Add(Hasher.Verifications - before);
        }

        checks.ShouldBe([1, 1]);
    }

    private sealed class RecordingQueue(List<QueuedPasswordReset> queued) : IPasswordResetQueue
    {
        public void Enqueue(QueuedPasswordReset request) => queued.Add(request);
    }
}
