namespace Portal.Application.Common.Csv;

/// <summary>One record of a CSV file, with the line of the file it starts on (the header is line 1).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column < Cells.Count ? Cells[column] : "";
}
