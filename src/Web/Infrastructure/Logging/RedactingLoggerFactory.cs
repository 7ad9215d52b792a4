using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>
/// Every logger of the app, whatever its sink, hands on its lines with the tokens of one-time links taken out: the
/// framework's request logs ("Request starting … /invitation/…"), its scopes (RequestPath), rate-limit warnings and
/// exceptions alike. Wrapping the factory rather than each provider covers sinks added later, tests' included.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, LogRedaction redaction) : ILoggerFactory
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<LogRedaction>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp =>
            new RedactingLoggerFactory(ActivatorUtilities.CreateInstance<LoggerFactory>(sp), sp.GetRequiredService<LogRedaction>())));
    }

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redaction);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner, LogRedaction redaction) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            inner.BeginScope(new LazilyRedactedScope(state, redaction));

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var safeException = RedactedException.Of(exception, redaction);
            if (state is not null && RedactedLogState.Of(state, formatter(state, exception), redaction) is { } redacted)
                inner.Log(logLevel, eventId, redacted, safeException, static (line, _) => line.ToString());
            else
                inner.Log(logLevel, eventId, state, safeException, formatter);
        }
    }
}
