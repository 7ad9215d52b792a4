namespace Portal.Application.Common.Csv;

/// <summary>
/// CSV injection: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage return, which
/// spreadsheets skip before looking) is run as a formula when the file is opened. A leading apostrophe makes it text.
/// </summary>
public static class SpreadsheetFormula
{
    public const char TextPrefix = '\'';

    public static bool StartsLikeOne(string? cell) =>
        !string.IsNullOrEmpty(cell) && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string? Neutralise(string? cell) => StartsLikeOne(cell) ? TextPrefix + cell : cell;
}
