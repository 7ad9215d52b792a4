using Portal.Application.Common;

namespace Portal.UnitTests.Specifications;

public sealed class KeysetPagingTests
{
    private sealed record Row(int Id, string? Email, DateTimeOffset At, decimal Amount);

    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static KeysetOrder<Row, Row> ByEmail(bool descending) =>
        new KeysetOrder<Row, Row>("rows.email", descending).ByNullable(r => r.Email, r => r.Email).By(r => r.Id, r => r.Id);

    private static readonly Row[] Rows =
    [
        new(1, "b", Noon, 1m), new(2, null, Noon, 2m), new(3, "a", Noon, 1m), new(4, "b", Noon, 3m), new(5, null, Noon, 1m),
    ];

    [Fact]
    public void A_cursor_round_trips_its_values_in_invariant_form()
    {
        var order = new KeysetOrder<Row, Row>("rows.at", descending: true)
            .By(r => r.At, r => r.At).By(r => r.Amount, r => r.Amount).By(r => r.Id, r => r.Id);
        var row = new Row(7, null, Noon.AddTicks(1234), 12.3456m);

        var position = order.Position(new PageRequest(After: order.CursorOf(row)));

        position.Start.ShouldBe(KeysetStart.After);
        position.Values.ShouldBe([Noon.AddTicks(1234), 12.3456m, 7]);
    }

    [Fact]
    public void A_null_sort_key_round_trips_as_null()
    {
        var position = ByEmail(false).Position(new PageRequest(Before: ByEmail(false).CursorOf(Rows[1])));

        position.Start.ShouldBe(KeysetStart.Before);
        position.Values.ShouldBe([null, 2]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("bm90IGpzb24")]
    [InlineData("WyJyb3dzLmVtYWlsLmFzYyIsImEiXQ")]
    [InlineData("WyJyb3dzLmVtYWlsLmFzYyIsImEiLCJ4Il0")]
    [InlineData("WyJvdGhlci5hc2MiLCJhIiwiMSJd")]
    public void A_tampered_or_foreign_cursor_means_the_first_page(string cursor)
    {
        ByEmail(false).Position(new PageRequest(After: cursor)).ShouldBe(KeysetPosition.First);
    }

    [Fact]
    public void A_cursor_of_another_order_means_the_first_page()
    {
        var cursor = ByEmail(descending: true).CursorOf(Rows[0]);

        ByEmail(descending: false).Position(new PageRequest(After: cursor)).ShouldBe(KeysetPosition.First);
    }

    [Fact]
    public void At_last_reads_backwards_without_a_cursor()
    {
        var position = ByEmail(false).Position(new PageRequest(At: "LAST"));

        position.Start.ShouldBe(KeysetStart.Last);
        position.Backwards.ShouldBeTrue();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_rows_beyond_each_row_are_exactly_those_after_it_in_the_order_with_nulls_as_the_greatest(bool descending)
    {
        var order = ByEmail(descending);
        // NULLs sort as the greatest e-mail: last ascending, first descending.
        var ascending = new[] { 3, 1, 4, 2, 5 };
        var expected = descending ? ascending.Reverse().ToArray() : ascending;

        for (var i = 0; i < expected.Length; i++)
        {
            var row = Rows.Single(r => r.Id == expected[i]);
            var values = order.Position(new PageRequest(After: order.CursorOf(row))).Values;
            var after = order.Beyond(values, towardsGreater: !descending).Compile();
            var before = order.Beyond(values, towardsGreater: descending).Compile();

            Rows.Where(after).Select(r => r.Id).Order().ShouldBe(expected[(i + 1)..].Order(), $"after {row}");
            Rows.Where(before).Select(r => r.Id).Order().ShouldBe(expected[..i].Order(), $"before {row}");
        }
    }
}
