namespace Portal.Application.Common.Csv;

/// <summary>
/// Writes the CSV files Portal hands out (import templates, refused rows, job results). Every cell a spreadsheet would
/// read as a formula is neutralised, because these files are opened in Excel or LibreOffice by people who trust them.
/// </summary>
public interface ICsvFileWriter
{
    /// <summary>UTF-8 with a byte order mark (so Excel reads umlauts), comma separated, one header row.</summary>
    byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows);
}
