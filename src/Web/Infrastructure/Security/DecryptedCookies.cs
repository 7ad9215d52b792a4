using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Portal.Web.Infrastructure.Security;

/// <summary>
/// What recently seen cookies decrypted to, so the same cookie arriving again is not decrypted again. A signed-in browser
/// sends the same session and antiforgery cookies with every page, and decrypting them (data protection derives a key,
/// checks the HMAC and runs AES for each) was about a tenth of a page's CPU.
/// <para>
/// Only what decrypted successfully is remembered, for a short lifetime and in a bounded number of entries: a key revoked
/// in the key ring stops being accepted within that lifetime. What a cookie grants is still checked on every request
/// (the session's row and the security stamp, the antiforgery token against the form's).
/// </para>
/// </summary>
public sealed class DecryptedCookies<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries;
    private readonly TimeProvider time;
    private readonly int capacity;
    private readonly long lifetime;

    public DecryptedCookies(TimeProvider time, int capacity, TimeSpan lifetime, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.time = time;
        this.capacity = capacity;
        this.lifetime = (long)(lifetime.TotalSeconds * time.TimestampFrequency);
        entries = new ConcurrentDictionary<TKey, Entry>(comparer);
    }

    public int Count => entries.Count;

    public bool TryGet(TKey cookie, [MaybeNullWhen(false)] out TValue decrypted)
    {
        if (entries.TryGetValue(cookie, out var entry) && time.GetTimestamp() < entry.ExpiresAt)
        {
            decrypted = entry.Value;
            return true;
        }
        decrypted = default;
        return false;
    }

    public void Remember(TKey cookie, TValue decrypted)
    {
        var now = time.GetTimestamp();
        if (entries.Count >= capacity)
        {
            foreach (var (key, entry) in entries)
            {
                if (entry.ExpiresAt <= now) entries.TryRemove(key, out _);
            }
            // Still full of live entries: start over rather than track which is oldest; a forgotten cookie is only
            // decrypted again.
            if (entries.Count >= capacity) entries.Clear();
        }
        entries[cookie] = new Entry(decrypted, now + lifetime);
    }

    private readonly record struct Entry(TValue Value, long ExpiresAt);
}
