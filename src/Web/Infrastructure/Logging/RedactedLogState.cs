using System.Collections;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>A log line's or scope's structured values and text with every token taken out; sinks see this instead.</summary>
internal sealed class RedactedLogState(string text, IReadOnlyList<KeyValuePair<string, object?>> values)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static RedactedLogState? Of(object state, string text, LogRedaction redaction)
    {
        var values = (state as IEnumerable<KeyValuePair<string, object?>>)?.ToList() ?? [];
        if (!redaction.Needed(text) && !values.Any(value => redaction.Needed(value.Value))) return null;
        return new RedactedLogState(redaction.Redact(text), values
            .Select(value => redaction.Needed(value.Value)
                ? new KeyValuePair<string, object?>(value.Key, redaction.Redact(value.Value!.ToString()!))
                : value)
            .ToList());
    }

    public KeyValuePair<string, object?> this[int index] => values[index];

    public int Count => values.Count;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => text;
}
