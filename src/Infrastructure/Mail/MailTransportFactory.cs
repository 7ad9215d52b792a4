using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Mail;

public sealed class MailTransportFactory(IOptions<MailOptions> options, DataFolder dataFolder, ILoggerFactory loggers,
    IHostEnvironment? environment = null)
{
    public IMailTransport Open() => string.IsNullOrWhiteSpace(options.Value.Host)
        ? new PickupFolderTransport(PickupFolder, environment?.IsDevelopment() == true, loggers.CreateLogger<PickupFolderTransport>())
        : new SmtpMailTransport(options.Value);

    public string PickupFolder => options.Value.PickupFolder is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(dataFolder.Path, "mail-pickup");
}
