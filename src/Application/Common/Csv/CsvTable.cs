namespace Portal.Application.Common.Csv;

/// <summary>The header and the records of a CSV file.</summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IReadOnlyList<CsvRecord> Records);
