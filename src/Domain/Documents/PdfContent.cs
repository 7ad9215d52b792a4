using Portal.Domain.Common;

namespace Portal.Domain.Documents;

/// <summary>
/// What makes an upload a PDF here: at most <see cref="DocumentFile.MaxSizeMegabytes"/> MB, the "%PDF-" header at the very
/// start (where the format puts it) and the "%%EOF" marker within the last kilobyte. A renamed image or a truncated
/// download fails one of them.
/// </summary>
public static class PdfContent
{
    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] EndMarker = "%%EOF"u8.ToArray();
    public const int EndMarkerWindow = 1024;

    public static void EnsureIsPdf(byte[]? content)
    {
        if (content is null || content.Length == 0) throw new DomainException(DomainErrors.DocumentPdfEmpty);
        if (content.LongLength > DocumentFile.MaxSizeBytes) throw new DomainException(DomainErrors.DocumentPdfTooLarge);
        if (!LooksLikePdf(content)) throw new DomainException(DomainErrors.DocumentPdfInvalid);
    }

    public static bool LooksLikePdf(ReadOnlySpan<byte> content)
    {
        if (!content.StartsWith(Header)) return false;
        var tail = content[Math.Max(Header.Length, content.Length - EndMarkerWindow)..];
        return tail.IndexOf(EndMarker) >= 0;
    }
}
