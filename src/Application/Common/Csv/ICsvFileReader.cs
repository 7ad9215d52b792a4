namespace Portal.Application.Common.Csv;

/// <summary>
/// Reads an uploaded CSV file: UTF-8 with or without byte order mark, else Windows-1252; comma or semicolon, detected.
/// Refuses, with a <see cref="Domain.Common.DomainException"/>, a file that is empty, not text, or longer than allowed.
/// </summary>
public interface ICsvFileReader
{
    CsvTable Read(ReadOnlyMemory<byte> content, int maxRows);
}
