using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Portal.Application.Common;

/// <summary>
/// The opaque position in a keyset-paged list: the list's name (its sort and direction) and the sort key values of one row,
/// as invariant text in a JSON array, base64url-encoded. It carries only values shown on the page it came from; anything
/// that does not decode for the list at hand (tampered, from another list or sort) reads as no cursor at all.
/// </summary>
public static class PageCursor
{
    // A cursor holds a few short values; anything much longer is not one of ours and is not worth decoding.
    private const int MaxLength = 2048;

    public static string Encode(string list, IEnumerable<string?> values) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { list }.Concat(values).ToArray()));

    /// <returns>The <paramref name="count"/> values, or null when the cursor is not one of <paramref name="list"/>'s.</returns>
    public static IReadOnlyList<string?>? Decode(string? cursor, string list, int count)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxLength) return null;
        try
        {
            var values = JsonSerializer.Deserialize<string?[]>(Base64Url.DecodeFromChars(cursor));
            if (values is null || values.Length != count + 1 || values[0] != list) return null;
            return values[1..];
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }
}
