using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Mail;

public sealed class MailTransportFactory(IOptions<MailOptions> options, DataFolder dataFolder, ILoggerFactory loggers)
{
    public IMailTransport Open() => string.IsNullOrWhiteSpace(options.Value.Host)
        ? new PickupFolderTransport(PickupFolder, loggers.CreateLogger<PickupFolderTransport>())
        : new SmtpMailTransport(options.Value);

    public string PickupFolder => options.Value.PickupFolder is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(dataFolder.Path, "mail-pickup");
}
