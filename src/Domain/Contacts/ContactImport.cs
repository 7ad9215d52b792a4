using Portal.Domain.Common;

namespace Portal.Domain.Contacts;

/// <summary>
/// An uploaded contact file between its preview and its confirmation. Kept in the database, not in memory, so the
/// preview and the confirmation may reach different instances and survive a restart; removed once committed.
/// </summary>
public sealed class ContactImport : AggregateRoot
{
    public const int MaxSizeMegabytes = 20;
    public const int MaxSizeBytes = MaxSizeMegabytes * 1024 * 1024;
    public const int MaxRows = 50_000;
    public const int FileNameMaxLength = 255;
    public const int MappingMaxLength = 2000;
    /// <summary>An upload nobody confirmed is removed after this long.</summary>
    public static readonly TimeSpan KeepUnconfirmed = TimeSpan.FromHours(24);

    private ContactImport() { }

    public Guid Id { get; private set; }
    public int UploadedBy { get; private set; }
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset UploadedAt { get; private set; }
    /// <summary>The field of each column, in column order, comma separated; an empty entry leaves that column out.</summary>
    public string Mapping { get; private set; } = "";

    public IReadOnlyList<ContactImportField?> Columns => Mapping.Length == 0 ? [] : Mapping.Split(',')
        .Select(entry => Enum.TryParse<ContactImportField>(entry, out var column) && Enum.IsDefined(column) ? column : (ContactImportField?)null)
        .ToList();

    public static ContactImport Upload(int uploadedBy, string fileName, byte[] content, DateTimeOffset now)
    {
        if (content.Length == 0) throw new DomainException(DomainErrors.ContactImportEmpty);
        if (content.Length > MaxSizeBytes) throw new DomainException(DomainErrors.ContactImportTooLarge);
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        return new ContactImport
        {
            Id = Guid.NewGuid(),
            UploadedBy = uploadedBy,
            FileName = name.Length <= FileNameMaxLength ? name : name[..FileNameMaxLength],
            Content = content,
            UploadedAt = now,
        };
    }

    /// <summary>
    /// A first mapping, guessed from the header names. It may name neither name nor e-mail; the preview then asks for one.
    /// </summary>
    public void Propose(IReadOnlyList<ContactImportField?> columns)
    {
        var mapping = Format(columns);
        Mapping = mapping.Length <= MappingMaxLength ? mapping : "";
    }

    /// <summary>Whether the columns say who each row is: each field in one column at most, and the name or the e-mail in one.</summary>
    public static bool IsUsable(IReadOnlyList<ContactImportField?> columns)
    {
        var fields = columns.OfType<ContactImportField>().ToList();
        return fields.Count == fields.Distinct().Count() && fields.Any(field => field is ContactImportField.Name or ContactImportField.Email);
    }

    public void Map(IReadOnlyList<ContactImportField?> columns)
    {
        var mapping = Format(columns);
        if (!IsUsable(columns) || mapping.Length > MappingMaxLength) throw new DomainException(DomainErrors.ContactImportMappingInvalid);
        Mapping = mapping;
    }

    private static string Format(IReadOnlyList<ContactImportField?> columns) => string.Join(',', columns.Select(field => field?.ToString() ?? ""));

    /// <summary>Records the committed import with its totals; the caller removes the upload in the same transaction.</summary>
    public void Commit(int created, int updated, int unchanged, int refused, string committedBy, DateTimeOffset now) =>
        Raise(new ContactsImported(FileName, created, updated, unchanged, refused, committedBy, now));
}
