namespace Portal.Infrastructure.Persistence;

/// <summary>
/// While an untracked unit of work hands its events out, the records their handlers append (activity entries, outbox
/// mails, webhook deliveries) are kept here for its set-based write instead of going into the change tracker.
/// </summary>
internal sealed class UntrackedRecords
{
    private List<object>? _collected;
    private readonly Dictionary<(Type Kind, string Property), object?> _shadowValues = [];

    /// <summary>What was appended since collecting started.</summary>
    public IReadOnlyList<object> Collected => _collected ?? [];

    /// <summary>Keeps the record if an untracked unit of work is collecting; false when the caller should track it.</summary>
    public bool TryCollect(object record)
    {
        if (_collected is null) return false;
        _collected.Add(record);
        return true;
    }

    public void StartCollecting() => _collected ??= [];

    public List<object> StopCollecting()
    {
        var collected = _collected ?? [];
        _collected = null;
        return collected;
    }

    /// <summary>A value for a column the domain never sees (a shadow property) of every new row of <paramref name="kind"/>.</summary>
    public void SetShadowValue(Type kind, string property, object? value) => _shadowValues[(kind, property)] = value;

    public bool TryGetShadowValue(Type kind, string property, out object? value) => _shadowValues.TryGetValue((kind, property), out value);
}
