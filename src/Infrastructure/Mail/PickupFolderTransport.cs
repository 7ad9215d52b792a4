using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using MimeKit;
using Portal.Application.Common;

namespace Portal.Infrastructure.Mail;

/// <summary>
/// Delivery without a mail server: every mail becomes an .eml file. In development the link of an invitation is logged
/// too, so a newcomer can follow the walkthrough from the console; any other link (a password reset, an e-mail change)
/// and every link outside development stays out of the log.
/// </summary>
internal sealed partial class PickupFolderTransport(string folder, bool logInvitationLinks, ILogger<PickupFolderTransport> logger)
    : IMailTransport
{
    private static readonly string[] InvitationPaths =
        [InvitationPathOf(PortalRoutes.Invitation), InvitationPathOf(PortalRoutes.StaffInvitation)];

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder,
            $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("n")}.eml");
        // Written under another name first, so whoever watches the folder never opens a half-written file.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        if (logInvitationLinks && InvitationLink(message) is { } link)
        {
            logger.LogInformation("Mail \"{Subject}\" to {To} written to {Path}. Link: {Link}",
                message.Subject, message.To.ToString(), path, link);
        }
        else
        {
            logger.LogInformation("Mail \"{Subject}\" to {To} written to {Path}.", message.Subject, message.To.ToString(), path);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string? InvitationLink(MimeMessage message) => Links().Matches(message.TextBody ?? "")
        .Select(match => match.Value)
        .FirstOrDefault(link => Uri.TryCreate(link, UriKind.Absolute, out var uri)
            && InvitationPaths.Any(invitation => uri.AbsolutePath.StartsWith(invitation, StringComparison.OrdinalIgnoreCase)));

    private static string InvitationPathOf(string template) => template[..template.IndexOf('{', StringComparison.Ordinal)];

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
