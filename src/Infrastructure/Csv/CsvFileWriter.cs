using CsvHelper;
using Portal.Application.Common.Csv;

namespace Portal.Infrastructure.Csv;

public sealed class CsvFileWriter : ICsvFileWriter
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionEscape = SpreadsheetFormula.TextPrefix,
    };

    public byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell ?? "");
                }

                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }
}
