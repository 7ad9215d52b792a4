using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.Infrastructure.Persistence;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Persistence;

/// <summary>
/// Rows a job or an import writes to SQLite go as one JSON parameter; each value must reach the database exactly as the
/// parameter EF would have bound for it: the same kind of value (text, integer, real, null) and the same content.
/// </summary>
public sealed class JsonRowsTests : IDisposable
{
    private readonly PortalDatabase _database = new();

    [Fact]
    public async Task Every_column_JSON_carries_arrives_as_its_bound_parameter_would()
    {
        await using var db = _database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var carried = 0;
        foreach (var property in db.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).DistinctBy(p => (p.ClrType, p.GetRelationalTypeMapping().Converter?.GetType())))
        {
            if (!JsonRows.AreUsedBy(db, [property])) continue;
            carried++;
            var samples = SamplesOf(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType);
            samples.ShouldNotBeEmpty($"{property.DeclaringType.DisplayName()}.{property.Name} ({(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType).Name}) goes as JSON but has no samples here to compare");
            if (property.IsNullable) samples.Add(null);
            var asJson = await StoredAsync(db, command => $"SELECT typeof(x1), quote(x1) FROM ({JsonRows.Select(command, "@rows", [property], samples.Count, (row, _) => samples[row], alias: "x")})");
            var asParameters = new List<string>();
            foreach (var sample in samples)
            {
                asParameters.AddRange(await StoredAsync(db, command =>
                {
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, "@x", sample, property.IsNullable));
                    return "SELECT typeof(@x), quote(@x)";
                }));
            }
            asJson.ShouldBe(asParameters, $"{property.DeclaringType.DisplayName()}.{property.Name}");
        }
        carried.ShouldBeGreaterThan(4);
    }

    [Fact]
    public void Columns_JSON_cannot_carry_as_bound_keep_their_parameters()
    {
        using var db = _database.CreateContext();
        var properties = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).ToList();
        var blob = properties.First(p => p.ClrType == typeof(byte[]));
        var day = properties.First(p => p.ClrType == typeof(DateOnly));
        var text = properties.First(p => p.ClrType == typeof(string));
        JsonRows.AreUsedBy(db, [blob]).ShouldBeFalse();
        JsonRows.AreUsedBy(db, [day]).ShouldBeFalse();
        JsonRows.AreUsedBy(db, [text, blob]).ShouldBeFalse();
        JsonRows.AreUsedBy(db, [text]).ShouldBeTrue();
    }

    public void Dispose() => _database.Dispose();

    private static List<object?> SamplesOf(Type type) => type switch
    {
        _ when type == typeof(string) => ["", "plain", "quote \" and 'single' \\ back\\slash", "line\nbreak\r\ttab\u0001\u007f", "Ünïcödé ✓ 😀 中文", "123", "1e5", "null", "[1,2]"],
        _ when type == typeof(int) => [0, -1, 42, int.MinValue, int.MaxValue],
        _ when type == typeof(long) => [0L, -1L, long.MinValue, long.MaxValue, 639_318_953_173_380_327L],
        _ when type == typeof(short) => [(short)0, short.MinValue, short.MaxValue],
        _ when type == typeof(byte) => [(byte)0, byte.MaxValue],
        _ when type == typeof(bool) => [true, false],
        _ when type == typeof(double) => [0d, -2.5, 0.1, 1e300, double.Epsilon, 1d / 3],
        _ when type == typeof(float) => [0f, 0.1f, -2.5f, float.MaxValue],
        _ when type == typeof(decimal) => [0m, 1234.5678m, -0.0001m, 99_999_999.9999m],
        _ when type == typeof(Guid) => [Guid.Empty, Guid.Parse("01a23bbc-2b5a-7002-a1b3-72c5348d03d2"), Guid.NewGuid()],
        _ when type == typeof(DateTimeOffset) => [DateTimeOffset.UnixEpoch, new DateTimeOffset(2026, 12, 3, 11, 48, 37, 338, TimeSpan.Zero).AddTicks(327)],
        _ when type == typeof(TimeSpan) => [TimeSpan.Zero, TimeSpan.FromSeconds(90.5), TimeSpan.FromDays(7) + TimeSpan.FromTicks(3)],
        _ when type == typeof(DateTime) => [DateTime.UnixEpoch, new DateTime(2026, 12, 3, 11, 48, 37, DateTimeKind.Utc)],
        _ when type.IsEnum => [.. Enum.GetValues(type).Cast<object?>()],
        _ when type == typeof(DocumentKindSet) => [default(DocumentKindSet), DocumentKindSet.All, DocumentKindSet.Of([Enum.GetValues<DocumentKind>()[0]])],
        _ => [],
    };

    private static async Task<List<string>> StoredAsync(PortalDbContext db, Func<DbCommand, string> build)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = build(command);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetString(0)} {reader.GetValue(1)}");
        return rows;
    }
}
