using System.Buffers;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Many rows sent to SQLite as one JSON text parameter and read back as a table by <c>json_each</c>: what
/// <see cref="ColumnArrays"/> does for PostgreSQL. SQLite finds each named parameter by walking the statement's list of
/// them, so a multi-row INSERT had to stay at about 100 values, and a job's batch of 500 grants was still a few hundred
/// statements, each built, parsed and bound value by value; the walk alone took about 7 % of a job's thread. As JSON it is
/// one statement and one parameter per table, which SQLite's own JSON reader takes apart.
/// Only columns whose values JSON carries exactly as Microsoft.Data.Sqlite binds them go this way (text, integers, reals,
/// booleans, GUIDs; the portal stores dates and amounts as integers on SQLite); a table with any other column keeps the
/// parameters.
/// </summary>
internal static class JsonRows
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Characters outside ASCII go as they are; SQLite's JSON reads UTF-8. Quotes, backslashes and control characters
        // are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly ConcurrentDictionary<IProperty, Action<Utf8JsonWriter, object>?> Writers = new();

    /// <summary>Whether the rows of <paramref name="columns"/> go to this database as JSON.</summary>
    public static bool AreUsedBy(DbContext db, IEnumerable<IProperty> columns) =>
        db.Database.IsSqlite() && columns.All(column => WriterOf(column) is not null);

    /// <summary>
    /// <c>SELECT v.value -&gt;&gt; 0, … FROM json_each(@name) AS v ORDER BY v.key</c>, with the parameter holding every row
    /// as an array of its values (as the database stores them: converters applied), in their order. With
    /// <paramref name="alias"/> the columns are named <c>{alias}1</c>, <c>{alias}2</c>, ….
    /// </summary>
    public static string Select(
        DbCommand command, string name, IReadOnlyList<IProperty> columns, int rows, Func<int, int, object?> valueAt, string? alias = null)
    {
        var writers = columns.Select(column => WriterOf(column)
            ?? throw new InvalidOperationException($"{column.Name} can't be sent as JSON.")).ToArray();
        var converters = columns.Select(column => column.GetRelationalTypeMapping().Converter).ToArray();
        var buffer = new ArrayBufferWriter<byte>(rows * columns.Count * 12 + 16);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartArray();
            for (var row = 0; row < rows; row++)
            {
                json.WriteStartArray();
                for (var column = 0; column < columns.Count; column++)
                {
                    var value = valueAt(row, column);
                    if (value is not null && converters[column] is { } converter) value = converter.ConvertToProvider(value);
                    if (value is null) json.WriteNullValue();
                    else writers[column](json, value);
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        Add(command, name, Encoding.UTF8.GetString(buffer.WrittenSpan));
        var selected = new StringBuilder();
        for (var column = 0; column < columns.Count; column++)
        {
            selected.Append(column == 0 ? "" : ", ").Append("v.value ->> ").Append(column);
            if (alias is not null) selected.Append(" AS ").Append(alias).Append(column + 1);
        }
        return $"SELECT {selected} FROM json_each({name}) AS v ORDER BY v.key";
    }

    /// <summary><c>(SELECT … FROM json_each(@name) …)</c>, for <c>IN</c>: the values of one column as JSON.</summary>
    public static string List(DbCommand command, string name, IProperty column, IReadOnlyList<object?> values) =>
        $"({Select(command, name, [column], values.Count, (row, _) => values[row])})";

    private static void Add(DbCommand command, string name, string json)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = System.Data.DbType.String;
        parameter.Value = json;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// How a column's stored value is written, or null when JSON can't carry it as Microsoft.Data.Sqlite would bind it (a
    /// blob, a date kept as text): the kind of value EF's mapping binds for the column decides, checked on a sample.
    /// </summary>
    private static Action<Utf8JsonWriter, object>? WriterOf(IProperty column) => Writers.GetOrAdd(column, static column =>
    {
        var mapping = column.GetRelationalTypeMapping();
        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        if (stored.IsEnum) return null;
        var (writer, binds) = Type.GetTypeCode(stored) switch
        {
            TypeCode.String => (static (json, value) => json.WriteStringValue((string)value), SqliteType.Text),
            TypeCode.Boolean => (static (json, value) => json.WriteNumberValue((bool)value ? 1 : 0), SqliteType.Integer),
            TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 =>
                (static (json, value) => json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)), SqliteType.Integer),
            // A float is bound as the double it widens to, not as its shortest decimal form.
            TypeCode.Single or TypeCode.Double =>
                (static (json, value) => json.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)), SqliteType.Real),
            // As Microsoft.Data.Sqlite binds a GUID as text: upper case, with hyphens.
            _ when stored == typeof(Guid) =>
                (static (json, value) => json.WriteStringValue(((Guid)value).ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant()), SqliteType.Text),
            _ => ((Action<Utf8JsonWriter, object>?)null, SqliteType.Blob),
        };
        return writer is not null && BindsAs(mapping, column, binds) ? writer : null;
    });

    private static bool BindsAs(RelationalTypeMapping mapping, IProperty column, SqliteType expected)
    {
        var type = Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType;
        try
        {
            using var command = new SqliteCommand();
            var sample = type == typeof(string) ? "" : Activator.CreateInstance(type);
            return mapping.CreateParameter(command, "@sample", sample, column.IsNullable) is SqliteParameter parameter
                && parameter.SqliteType == expected;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or MissingMethodException or InvalidCastException)
        {
            return false;
        }
    }
}
