using System.Collections;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>
/// A scope's state, redacted when a sink first reads it rather than when the scope opens. Scopes open on every request
/// whatever the log level (the request's own, each page's and view component's), but are read only for a line that is
/// written; testing each of them for tokens up front cost every page about a fifteenth of its CPU time. The scope is read
/// within the request that opened it, so the request's address is still there to be taken out.
/// </summary>
internal sealed class LazilyRedactedScope(object state, LogRedaction redaction) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private (string Text, IReadOnlyList<KeyValuePair<string, object?>> Values)? redacted;

    public KeyValuePair<string, object?> this[int index] => Redacted.Values[index];

    public int Count => Redacted.Values.Count;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Redacted.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Redacted.Text;

    private (string Text, IReadOnlyList<KeyValuePair<string, object?>> Values) Redacted => redacted ??= Redact();

    private (string, IReadOnlyList<KeyValuePair<string, object?>>) Redact()
    {
        var text = state.ToString() ?? "";
        return RedactedLogState.Of(state, text, redaction) is { } safe
            ? (safe.ToString(), safe)
            : (text, (state as IEnumerable<KeyValuePair<string, object?>>)?.ToList() ?? []);
    }
}
