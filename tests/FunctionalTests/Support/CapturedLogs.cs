using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portal.FunctionalTests.Support;

/// <summary>
/// A log sink that keeps everything a real sink could write: the message, each structured value, every scope around the
/// line (with its values) and the exception as printed.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Line> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public sealed record Line(string Category, LogLevel Level, string Message, IReadOnlyList<string> Values)
    {
        /// <summary>All of it as one text, the way a sink that prints everything would write it.</summary>
        public string Everything => $"{Category} {Level} {Message} {string.Join(" | ", Values)}";
    }

    public IReadOnlyList<Line> Lines => [.. _lines];

    public void Clear() => _lines.Clear();

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private static IEnumerable<string> ValuesOf(object? state) =>
        (state as IEnumerable<KeyValuePair<string, object?>>)?.Select(value => $"{value.Key}={value.Value}") ?? [];

    private sealed class Capture(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var values = ValuesOf(state).ToList();
            logs._scopes.ForEachScope((scope, list) =>
            {
                list.Add($"scope: {scope}");
                list.AddRange(ValuesOf(scope));
            }, values);
            if (exception is not null) values.Add($"exception: {exception}");
            logs._lines.Enqueue(new Line(category, logLevel, formatter(state, exception), values));
        }
    }
}
