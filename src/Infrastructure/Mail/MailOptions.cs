using MailKit.Security;

namespace Portal.Infrastructure.Mail;

public sealed class MailOptions
{
    public const string Section = "Portal:Mail";

    /// <summary>SMTP host. Empty: mail is written as .eml files to <see cref="PickupFolder"/> instead.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "portal@localhost";
    public string FromName { get; set; } = "Customer Portal";
    /// <summary>Defaults to "mail-pickup" inside the data folder.</summary>
    public string? PickupFolder { get; set; }
    /// <summary>How often the dispatcher looks for due mail when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>First retry delay; each further failure doubles it (capped at an hour).</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);
    public int BatchSize { get; set; } = 100;
    /// <summary>
    /// While a bulk access job runs on this instance, how long from its start the dispatcher waits for it before sending
    /// alongside it (see <see cref="PortalAccess.RunningAccessJob"/>). Zero sends alongside at once.
    /// </summary>
    public TimeSpan LetAccessJobFinishFor { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>How long an instance's claim on a batch lasts; if it dies mid-batch, another instance sends the rest after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
