using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Application.Common;
using Portal.Infrastructure;
using Portal.Infrastructure.Mail;

namespace Portal.UnitTests.Infrastructure;

/// <summary>The pickup folder logs a link only where a newcomer needs it: an invitation, in development.</summary>
public sealed class PickupFolderTransportTests : IDisposable
{
    private const string BaseUrl = "https://portal.example.test";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-unit-tests", Guid.NewGuid().ToString("n"));
    private readonly LoggedLines _log = new();

    [Fact]
    public async Task In_development_the_link_of_an_invitation_is_logged()
    {
        await SendAsync(Environments.Development, PortalRoutes.InvitationLink("invitation-token"));

        _log.Lines.ShouldHaveSingleItem().ShouldContain(BaseUrl + PortalRoutes.InvitationLink("invitation-token"));
    }

    [Fact]
    public async Task In_development_a_password_reset_link_is_not_logged()
    {
        await SendAsync(Environments.Development, PortalRoutes.Account.ResetPasswordLink("reset-token"));

        _log.Lines.ShouldHaveSingleItem().ShouldNotContain("reset-token");
    }

    [Fact]
    public async Task Outside_development_not_even_an_invitation_link_is_logged()
    {
        await SendAsync(Environments.Production, PortalRoutes.InvitationLink("invitation-token"));

        var line = _log.Lines.ShouldHaveSingleItem();
        line.ShouldNotContain("invitation-token");
        line.ShouldContain("written to");
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task SendAsync(string environment, string path)
    {
        var transports = new MailTransportFactory(Options.Create(new MailOptions { PickupFolder = _folder }), new DataFolder(_folder),
            _log, new HostingEnvironment { EnvironmentName = environment });
        var message = new MimeMessage { Subject = "Your link", Body = new TextPart("plain") { Text = $"Open\n{BaseUrl}{path}\n\nThanks" } };
        message.To.Add(new MailboxAddress("Anna Berg", "anna@example.com"));
        await using var transport = transports.Open();
        await transport.SendAsync(message, CancellationToken.None);
    }

    private sealed class LoggedLines : ILoggerFactory, ILogger
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider) { }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => Lines.Add(formatter(state, exception));

        public void Dispose() { }
    }
}
