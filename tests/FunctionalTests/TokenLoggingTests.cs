using System.Net;
using Microsoft.Extensions.Logging;
using Portal.Application.Common;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// The token of a one-time link never reaches a log line: not in the framework's request logs, their scopes, handler
/// arguments or the exception of a request that fails. The portal logs at Trace here, more than production ever would.
/// </summary>
public sealed class TokenLoggingTests(VerboseLogsFactory factory) : IClassFixture<VerboseLogsFactory>
{
    [Fact]
    public async Task Opening_and_using_an_invitation_link_logs_the_request_without_its_token()
    {
        using var admin = await factory.SignedInAdminAsync();
        var contactId = await admin.CreateContactAsync("Lotte Logless", "lotte.logless@example.com");
        await admin.GrantAsync(contactId);
        var path = await factory.LatestInvitationPathAsync("lotte.logless@example.com");
        var token = TokenOf(path);
        factory.Logs.Clear();

        using var customer = factory.NewBrowser();
        (await customer.AcceptInvitationAsync(path)).Path.ShouldBe("/my");

        ShouldNotBeLogged(token);
        factory.Logs.Lines.ShouldContain(line => line.Message.Contains("/invitation/" + OneTimeLinkRedaction.Placeholder),
            "the request itself is logged");
    }

    [Theory]
    [InlineData("/account/reset-password/")]
    [InlineData("/account/confirm-email/")]
    [InlineData("/account/report-email-change/")]
    [InlineData("/staff-invitation/")]
    [InlineData("/INVITATION/")]
    public async Task Links_that_do_not_work_are_logged_without_their_token_too(string prefix)
    {
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var visitor = factory.NewBrowser();

        await visitor.GetAsync(prefix + token);
        using var post = await visitor.Client.PostAsync(prefix + token, new FormUrlEncodedContent([]));

        ShouldNotBeLogged(token);
    }

    [Fact]
    public async Task A_request_to_a_link_that_fails_logs_the_error_without_the_token()
    {
        var token = "fails-" + Guid.NewGuid().ToString("n") + Guid.NewGuid().ToString("n");
        using var visitor = factory.NewBrowser();
        factory.FailNextQuery($"The database refused the lookup for /invitation/{token} ({token}).");

        var page = await visitor.GetAsync("/invitation/" + token);

        page.Status.ShouldBe(HttpStatusCode.InternalServerError, page.Url + " " + page.Text[..Math.Min(300, page.Text.Length)]);
        factory.Logs.Lines.ShouldContain(line => line.Level == LogLevel.Error
            && line.Everything.Contains("The database refused the lookup for /invitation/" + OneTimeLinkRedaction.Placeholder));
        ShouldNotBeLogged(token);
    }

    private static string TokenOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    private void ShouldNotBeLogged(string token)
    {
        token.Length.ShouldBeGreaterThan(20);
        var leaks = factory.Logs.Lines.Where(line => line.Everything.Contains(token, StringComparison.OrdinalIgnoreCase)).ToList();
        leaks.ShouldBeEmpty(string.Join("\n", leaks.Select(line => line.Everything)));
    }
}
