using Portal.Application.Common;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>An exception as a sink prints it (message, type, stack), with every token taken out.</summary>
internal sealed class RedactedException(Exception original, LogRedaction redaction) : Exception(redaction.Redact(original.Message))
{
    public override string? StackTrace => original.StackTrace;

    public override string ToString() => redaction.Redact(original.ToString());

    public static Exception? Of(Exception? exception, LogRedaction redaction) =>
        exception is not null && redaction.Needed(exception.ToString()) ? new RedactedException(exception, redaction) : exception;
}
