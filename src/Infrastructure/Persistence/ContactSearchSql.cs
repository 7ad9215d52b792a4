using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The contact search's text index, which the model cannot express: on SQLite an FTS5 trigram table over
/// <c>Contacts.SearchText</c> (external content, kept in step by triggers), on PostgreSQL a pg_trgm GIN index. Both find a
/// substring of three characters or more without reading every row. A migration only calls <see cref="Up"/> and
/// <see cref="Down"/>, so migrations regenerated from the model keep it by calling them again.
/// </summary>
/// <remarks>
/// Since <c>BackOfficeAtScaleCompanySearchText</c> the FTS5 table and its triggers on SQLite are those of
/// <see cref="CompanySearchTextSql"/>: a later migration that rebuilds <c>Contacts</c> (EF does for column changes SQLite
/// cannot alter in place, and the rebuild drops the table's triggers) must call <see cref="CompanySearchTextSql.Up"/> after it.
/// </remarks>
public static class ContactSearchSql
{
    /// <summary>The FTS5 table on SQLite; its rowid is the contact's id.</summary>
    public const string SqliteTable = "ContactSearch";

    /// <summary>Byte order for <c>SearchText</c> on PostgreSQL, so a prefix is one range of the B-tree index.</summary>
    public const string PostgresCollation = "C";

    /// <summary>The ids of the contacts whose search text matches the FTS5 query given as parameter {0}.</summary>
    public const string SqliteMatchingIds =
        $$"""SELECT rowid AS "Value" FROM "{{SqliteTable}}" WHERE "{{SqliteTable}}" MATCH {0}""";

    private const string PostgresIndex = "IX_Contacts_SearchText_Trigram";

    /// <summary>
    /// One statement that sets the search text of <paramref name="rows"/> contacts, parameters {0}, {1} the first id and
    /// text, {2}, {3} the second and so on; both databases name a VALUES list's columns column1, column2.
    /// </summary>
    public static string SetSearchTexts(int rows) =>
        $"""
        UPDATE "Contacts" SET "SearchText" = v.column2
        FROM (VALUES {string.Join(", ", Enumerable.Range(0, rows).Select(row => $"({{{2 * row}}}, {{{2 * row + 1}}})"))}) AS v
        WHERE "Contacts"."Id" = v.column1
        """;

    public static void Up(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (provider == DatabaseProvider.Postgres)
        {
            // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it without being a superuser.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql($"""CREATE INDEX "{PostgresIndex}" ON "Contacts" USING GIN ("SearchText" gin_trgm_ops);""");
            return;
        }

        migrationBuilder.Sql($"""
            CREATE VIRTUAL TABLE "{SqliteTable}" USING fts5(
                "SearchText", content='Contacts', content_rowid='Id', tokenize='trigram');
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Contacts_SearchText_Insert" AFTER INSERT ON "Contacts" BEGIN
                INSERT INTO "{SqliteTable}"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Contacts_SearchText_Delete" AFTER DELETE ON "Contacts" BEGIN
                INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Contacts_SearchText_Update" AFTER UPDATE OF "SearchText" ON "Contacts" BEGIN
                INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                INSERT INTO "{SqliteTable}"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
        // Indexes the rows already there (their text is filled in at the next start and reindexed by the update trigger).
        migrationBuilder.Sql($"""INSERT INTO "{SqliteTable}"("{SqliteTable}") VALUES ('rebuild');""");
    }

    public static void Down(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (provider == DatabaseProvider.Postgres)
        {
            // The extension stays: other objects may have come to use it.
            migrationBuilder.Sql($"""DROP INDEX IF EXISTS "{PostgresIndex}";""");
            return;
        }

        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Contacts_SearchText_Update";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Contacts_SearchText_Delete";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Contacts_SearchText_Insert";""");
        migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{SqliteTable}";""");
    }
}
