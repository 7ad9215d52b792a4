using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace Portal.Web.Api;

/// <summary>
/// A record's version as the API gives it out (its last change in UTC ticks, also sent as the ETag) and as a change (an
/// update, a document's status move or PDF upload) presents it back, in If-Match or a <c>version</c> field, so a change made
/// by someone else in between is refused with 409.
/// </summary>
public static class ApiVersions
{
    public const string Field = "Version";

    public static string Of(DateTimeOffset? updatedAt) => (updatedAt?.UtcTicks ?? 0).ToString(CultureInfo.InvariantCulture);

    public static void SetETag(HttpResponse response, string version) => response.Headers.ETag = $"\"{version}\"";

    /// <summary>
    /// The version the caller read, from If-Match or the body (the header wins); none, or <c>*</c>, asks for no check. A version
    /// that is none of ours is a field error.
    /// </summary>
    public static DateTimeOffset? Expected(HttpRequest request, string? bodyVersion)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        var presented = ifMatch.Length > 0 ? ifMatch : bodyVersion;
        if (string.IsNullOrWhiteSpace(presented) || presented.Trim() == "*") return null;
        var bare = presented.Trim();
        if (bare.StartsWith("W/", StringComparison.Ordinal)) bare = bare[2..];
        bare = bare.Trim('"');
        if (!long.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new ValidationException([new ValidationFailure(Field, "This is not a version this API gave out.")]);
        }
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
