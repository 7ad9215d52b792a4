using System.Text;
using Portal.Infrastructure.Csv;
using Shouldly;

namespace Portal.UnitTests.Infrastructure;

public sealed class CsvFileWriterTests
{
    private static string Written(params string?[] cells)
    {
        var bytes = new CsvFileWriter().Write(["a", "b", "c", "d"], [cells]);
        return Encoding.UTF8.GetString(bytes);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+49 30 123")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tabc")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string cell)
    {
        var row = Written(cell, "x", "y", "z").Split("\r\n")[1];

        row.ShouldStartWith("\"'");
        row.ShouldContain("'" + cell[0]);
    }

    [Fact]
    public void Ordinary_cells_stay_as_they_are_and_the_file_starts_with_a_byte_order_mark_for_excel()
    {
        var bytes = new CsvFileWriter().Write(["name", "city"], [["Zoë Größer", "Köln, Rhein"], [null, "Bonn"]]);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes.AsSpan(3)).ShouldBe("name,city\r\nZoë Größer,\"Köln, Rhein\"\r\n,Bonn\r\n");
    }
}
