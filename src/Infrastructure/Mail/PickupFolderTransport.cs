using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Portal.Infrastructure.Mail;

/// <summary>Development delivery: every mail becomes an .eml file, and its link is logged so no mail server is needed.</summary>
internal sealed partial class PickupFolderTransport(string folder, ILogger<PickupFolderTransport> logger) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder,
            $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("n")}.eml");
        // Written under another name first, so whoever watches the folder never opens a half-written file.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        var link = FirstLink().Match(message.TextBody ?? "");
        logger.LogInformation("Mail \"{Subject}\" to {To} written to {Path}. Link: {Link}",
            message.Subject, message.To.ToString(), path, link.Success ? link.Value : "(none)");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex FirstLink();
}
