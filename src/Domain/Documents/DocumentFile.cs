namespace Portal.Domain.Documents;

/// <summary>The PDF of a document, kept in the database so every app instance serves it.</summary>
public sealed class DocumentFile
{
    public const int MaxSizeMegabytes = 10;
    public const long MaxSizeBytes = MaxSizeMegabytes * 1024L * 1024;

    private DocumentFile() { }

    public int DocumentId { get; private set; }
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public long SizeBytes { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    public const int FileNameMaxLength = 255;

    internal static DocumentFile Create(int documentId, string fileName, byte[] content, DateTimeOffset now)
    {
        var file = new DocumentFile { DocumentId = documentId };
        file.Replace(fileName, content, now);
        return file;
    }

    internal void Replace(string fileName, byte[] content, DateTimeOffset now)
    {
        FileName = fileName;
        Content = content;
        SizeBytes = content.LongLength;
        UploadedAt = now;
    }

    /// <summary>
    /// The uploaded name without any folder part, control or path characters, ending in .pdf: it is shown in the
    /// back office and never used as a path.
    /// </summary>
    public static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var invalid = Path.GetInvalidFileNameChars();
        name = new string(name
                .Where(c => !char.IsControl(c) && !invalid.Contains(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))
                .ToArray())
            .Trim().Trim('.');
        if (name.Length == 0) name = "document";
        if (!name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) name += ".pdf";
        if (name.Length > FileNameMaxLength) name = name[..(FileNameMaxLength - 4)] + ".pdf";
        return name;
    }
}
