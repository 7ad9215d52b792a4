using System.Text;
using Portal.Domain.Common;
using Portal.Infrastructure.Csv;
using Shouldly;

namespace Portal.UnitTests.Infrastructure;

public sealed class CsvFileReaderTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static Portal.Application.Common.Csv.CsvTable Read(byte[] bytes, int maxRows = 100) => new CsvFileReader().Read(bytes, maxRows);

    [Fact]
    public void Utf8_without_a_byte_order_mark_is_read_with_its_umlauts()
    {
        var table = Read(Encoding.UTF8.GetBytes("Name,City\nJürgen Müller,Köln\n"));

        table.Headers.ShouldBe(["Name", "City"]);
        table.Records.Single().Cells.ShouldBe(["Jürgen Müller", "Köln"]);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_not_part_of_the_first_header()
    {
        var table = Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Name;E-mail\r\nZoë;zoe@example.com\r\n")]);

        table.Headers[0].ShouldBe("Name");
        table.Records.Single().Cells.ShouldBe(["Zoë", "zoe@example.com"]);
    }

    [Fact]
    public void Windows_1252_from_excel_is_recognised_by_its_bytes_and_read_with_its_umlauts()
    {
        var table = Read(Windows1252.GetBytes("Name;Straße\r\nGünther Weiß;Hauptstraße 5\r\n"));

        table.Headers.ShouldBe(["Name", "Straße"]);
        table.Records.Single().Cells.ShouldBe(["Günther Weiß", "Hauptstraße 5"]);
    }

    [Theory]
    [InlineData("Name;City\nAnna;Berlin\nBen;Bonn\n")]
    [InlineData("Name,City\nAnna,Berlin\nBen,Bonn\n")]
    public void Comma_and_semicolon_are_detected(string text)
    {
        var table = Read(Encoding.UTF8.GetBytes(text));

        table.Headers.ShouldBe(["Name", "City"]);
        table.Records.Select(r => r.Cells[1]).ShouldBe(["Berlin", "Bonn"]);
    }

    [Fact]
    public void Quoted_fields_keep_their_separators_and_line_breaks_and_records_know_their_line()
    {
        var table = Read(Encoding.UTF8.GetBytes(
            "Name,Street,City\n\"Smith, Anna\",\"Main St 1\nBack building\",Leeds\n\"Ben \"\"B\"\" Jones\",,York\n"));

        table.Records[0].Cells.ShouldBe(["Smith, Anna", "Main St 1\nBack building", "Leeds"]);
        table.Records[0].Line.ShouldBe(2);
        table.Records[1].Cells.ShouldBe(["Ben \"B\" Jones", "", "York"]);
        table.Records[1].Line.ShouldBe(4);
    }

    [Fact]
    public void A_file_with_more_rows_than_allowed_is_refused_as_a_whole()
    {
        var text = "Name\n" + string.Concat(Enumerable.Range(1, 11).Select(i => $"Person {i}\n"));

        Should.Throw<DomainException>(() => Read(Encoding.UTF8.GetBytes(text), maxRows: 10))
            .Error.ShouldBe(DomainErrors.ContactImportTooManyRows);
        Read(Encoding.UTF8.GetBytes(text), maxRows: 11).Records.Count.ShouldBe(11);
    }

    [Fact]
    public void Binary_files_and_utf16_are_refused_as_not_text()
    {
        byte[] spreadsheet = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00];

        Should.Throw<DomainException>(() => Read(spreadsheet)).Error.ShouldBe(DomainErrors.ContactImportNotText);
        Should.Throw<DomainException>(() => Read(Encoding.Unicode.GetBytes("Name\nAnna\n"))).Error.ShouldBe(DomainErrors.ContactImportNotText);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Should.Throw<DomainException>(() => Read(Encoding.UTF8.GetBytes(" \r\n"))).Error.ShouldBe(DomainErrors.ContactImportEmpty);
    }
}
