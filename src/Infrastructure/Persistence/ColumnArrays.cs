using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Many rows sent to PostgreSQL as one array parameter per column and read back as a table by <c>unnest</c>: a statement of
/// a few parameters, whatever the number of rows. A job's batch wrote its 500 grants as about thirty multi-row INSERTs of up
/// to 1,000 parameters, each parsed, bound and planned anew (about 5 ms a statement between the portal and the database);
/// as arrays it is one statement per table.
/// </summary>
internal static partial class ColumnArrays
{
    /// <summary>The rows are numbered by their place in the arrays, so that they are inserted (and numbered) in that order.</summary>
    private const string Ordinal = "\"__row\"";

    /// <summary>
    /// <c>SELECT c0, c1, … FROM unnest(@a0::type[], …) WITH ORDINALITY … ORDER BY</c> the row's place, with a parameter per
    /// column holding that column's value of every row (as the database stores it: converters applied).
    /// </summary>
    public static string Select(
        DbCommand command, string prefix, IReadOnlyList<IProperty> columns, int rows, Func<int, int, object?> valueAt)
    {
        var arrays = new StringBuilder();
        var names = new StringBuilder();
        for (var column = 0; column < columns.Count; column++)
        {
            var name = $"@{prefix}{column}";
            command.Parameters.Add(Parameter(command, name, columns[column], rows, row => valueAt(row, column)));
            arrays.Append(column == 0 ? "" : ", ").Append(name).Append("::").Append(ArrayTypeOf(columns[column]));
            names.Append($"\"c{column}\", ");
        }
        var selected = string.Join(", ", Enumerable.Range(0, columns.Count).Select(c => $"v.\"c{c}\""));
        return $"SELECT {selected} FROM unnest({arrays}) WITH ORDINALITY AS v({names}{Ordinal}) ORDER BY v.{Ordinal}";
    }

    /// <summary><c>@name::type[]</c>, an array parameter holding <paramref name="values"/> of one column.</summary>
    public static string Array(DbCommand command, string name, IProperty column, IReadOnlyList<object?> values)
    {
        command.Parameters.Add(Parameter(command, name, column, values.Count, row => values[row]));
        return $"{name}::{ArrayTypeOf(column)}";
    }

    private static DbParameter Parameter(DbCommand command, string name, IProperty column, int rows, Func<int, object?> valueAt)
    {
        var mapping = column.GetRelationalTypeMapping();
        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        // Value types go as their nullable array (int?[]) so a NULL can sit among them; Npgsql writes either alike.
        var element = stored.IsValueType ? typeof(Nullable<>).MakeGenericType(stored) : stored;
        var array = System.Array.CreateInstance(element, rows);
        for (var row = 0; row < rows; row++)
        {
            var value = valueAt(row);
            array.SetValue(value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value, row);
        }
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = array;
        return parameter;
    }

    /// <summary>
    /// The column's type as an array, without its length or precision: an explicit cast to <c>varchar(200)</c> would cut a
    /// longer value silently, where the INSERT's own conversion refuses it as EF's statement would.
    /// </summary>
    private static string ArrayTypeOf(IProperty column) =>
        TypeModifier().Replace(column.GetColumnType(), "") + "[]";

    [GeneratedRegex(@"\(\s*\d+\s*(,\s*\d+\s*)?\)")]
    private static partial Regex TypeModifier();

    public static bool AreUsedBy(DbContext db) => db.Database.IsNpgsql();
}
