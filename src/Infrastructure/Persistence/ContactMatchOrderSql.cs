using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// What lets a broad contact search sort its matches without reading every matching row, which the model cannot express.
/// On SQLite a covering index of the contact list's sort keys by id: a page of matches then costs a seek per match in a
/// narrow index instead of one in the table. On PostgreSQL a trigram index over companies alone: the people of the
/// companies a search finds are found without reading every other match again.
/// </summary>
/// <remarks>
/// SQLite drops a table's indexes with the table: a later migration that rebuilds <c>Contacts</c> must call <see cref="Up"/>
/// again after the rebuild, as for <see cref="CompanySearchTextSql"/>. The PostgreSQL index over companies is dropped again
/// by <c>BackOfficeAtScaleCompanySearchText</c>: a person's row holds their company's text (<see cref="CompanySearchTextSql"/>).
/// </remarks>
public static class ContactMatchOrderSql
{
    public const string SqliteSortKeysIndex = "IX_Contacts_Id_SortKeys";

    private const string PostgresCompanyIndex = "IX_Contacts_SearchText_Trigram_Companies";

    /// <summary>
    /// The contacts as a source that reads through <see cref="SqliteSortKeysIndex"/>: for a query that filters on the id and
    /// reads nothing but the list's sort keys. SQLite would otherwise always seek a rowid in the table itself.
    /// </summary>
    public const string SqliteSortKeysSource = $"""SELECT * FROM "Contacts" INDEXED BY "{SqliteSortKeysIndex}" """;

    public static void Up(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (provider == DatabaseProvider.Postgres)
        {
            // Companies are the only contacts whose text matters to someone else's match (ContactKind.Company is 1).
            migrationBuilder.Sql($"""
                CREATE INDEX "{PostgresCompanyIndex}" ON "Contacts" USING GIN ("SearchText" gin_trgm_ops) WHERE "Kind" = 1;
                """);
            return;
        }

        // Every key of every sort the list offers: name, e-mail and creation time.
        migrationBuilder.Sql($"""
            CREATE INDEX "{SqliteSortKeysIndex}" ON "Contacts" ("Id", "Name", "Email", "CreatedAt");
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(provider == DatabaseProvider.Postgres
            ? $"""DROP INDEX IF EXISTS "{PostgresCompanyIndex}";"""
            : $"""DROP INDEX IF EXISTS "{SqliteSortKeysIndex}";""");
    }
}
