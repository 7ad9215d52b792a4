using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Portal.Application.Common.Csv;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Csv;

public sealed class CsvFileReader : ICsvFileReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>What Excel writes on a German Windows when "CSV" rather than "CSV UTF-8" is chosen.</summary>
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static readonly CsvReaderOptions Utf8Options = CsvReaderOptions.Default with
    {
        Separator = null,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        MaxRecordSize = 1024 * 1024,
    };

    private static readonly CsvReaderOptions Windows1252Options = Utf8Options with { Encoding = Windows1252 };

    public CsvTable Read(ReadOnlyMemory<byte> content, int maxRows)
    {
        if (content.Span.StartsWith(Utf8Bom)) content = content[Utf8Bom.Length..];
        // A zero byte is never in a text file, in either encoding: this is a spreadsheet, an image or a UTF-16 file.
        if (content.Span.Contains((byte)0)) throw new DomainException(DomainErrors.ContactImportNotText);
        if (content.Span.Trim("\r\n\t "u8).IsEmpty) throw new DomainException(DomainErrors.ContactImportEmpty);

        var options = Utf8.IsValid(content.Span) ? Utf8Options : Windows1252Options;
        try
        {
            using var reader = CsvReader.Create(content, options);
            var headers = reader.Headers.Select(header => header.Trim()).ToList();
            var records = new List<CsvRecord>();
            while (reader.Read())
            {
                if (records.Count == maxRows) throw new DomainException(DomainErrors.ContactImportTooManyRows);
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = reader.GetString(i);
                records.Add(new CsvRecord(checked((int)reader.LineNumber), cells));
            }
            return new CsvTable(headers, records);
        }
        catch (CsvFormatException)
        {
            throw new DomainException(DomainErrors.ContactImportNotText);
        }
    }
}
