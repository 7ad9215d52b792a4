using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Each person's copy of their linked company's search text (<see cref="Column"/>), kept by the database: it changes when
/// a company's text changes or a person moves to another company, and nothing the app writes has to know. A search then
/// finds the people of a matching company in the same index lookup as everyone else, instead of a second branch that looks
/// up the people of every matching company. On SQLite the FTS5 table indexes both columns; on PostgreSQL a trigram index
/// covers the copy. A migration only calls <see cref="Up"/> and <see cref="Down"/>, so migrations regenerated from the model
/// keep it by calling them again.
/// </summary>
/// <remarks>
/// This replaces the FTS5 table and triggers of <see cref="ContactSearchSql"/> on SQLite. SQLite drops a table's triggers
/// with the table: a later migration that rebuilds <c>Contacts</c> must call <see cref="Up"/> again after the rebuild (and
/// <see cref="ContactMatchOrderSql.Up"/>), not <see cref="ContactSearchSql.Up"/>.
/// </remarks>
public static class CompanySearchTextSql
{
    public const string Column = "CompanySearchText";

    private const string PostgresIndex = "IX_Contacts_CompanySearchText_Trigram";
    private const string PostgresCompanyIndex = "IX_Contacts_SearchText_Trigram_Companies";
    private const string PostgresCompanyFunction = "Contacts_CompanySearchText_FromCompany";
    private const string PostgresPeopleFunction = "Contacts_CompanySearchText_ToPeople";

    private const string Table = ContactSearchSql.SqliteTable;

    /// <summary>The linked company's text for the row <c>new</c>, or none (a company's kind is 1, ContactKind.Company).</summary>
    private const string CompanyTextOfNew =
        """COALESCE((SELECT c."SearchText" FROM "Contacts" AS c WHERE c."Id" = new."CompanyId" AND c."Kind" = 1), '')""";

    public static void Up(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (provider == DatabaseProvider.Postgres)
        {
            UpPostgres(migrationBuilder);
            return;
        }

        ContactSearchSql.Down(migrationBuilder, provider);
        migrationBuilder.Sql($"""
            UPDATE "Contacts" SET "{Column}" = COALESCE(
                (SELECT c."SearchText" FROM "Contacts" AS c WHERE c."Id" = "Contacts"."CompanyId" AND c."Kind" = 1), '')
            WHERE "CompanyId" IS NOT NULL;
            """);
        migrationBuilder.Sql($"""
            CREATE VIRTUAL TABLE "{Table}" USING fts5(
                "SearchText", "{Column}", content='Contacts', content_rowid='Id', tokenize='trigram');
            """);
        // An external-content index must be told exactly the values it indexed to forget a row. So only these two triggers
        // touch it, each forgetting a row with the values it has before changing them, and the company text is written only
        // inside them: no trigger fires on an update of that column alone, whatever order SQLite runs the triggers in.
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Contacts_Search_Insert" AFTER INSERT ON "Contacts" BEGIN
                UPDATE "Contacts" SET "{Column}" = {CompanyTextOfNew}
                WHERE "Id" = new."Id" AND (new."CompanyId" IS NOT NULL OR new."{Column}" <> '');
                INSERT INTO "{Table}"(rowid, "SearchText", "{Column}")
                SELECT "Id", "SearchText", "{Column}" FROM "Contacts" WHERE "Id" = new."Id";
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Contacts_Search_Update" AFTER UPDATE OF "SearchText", "CompanyId" ON "Contacts" BEGIN
                INSERT INTO "{Table}"("{Table}", rowid, "SearchText", "{Column}")
                VALUES ('delete', old."Id", old."SearchText", old."{Column}");
                UPDATE "Contacts" SET "{Column}" = {CompanyTextOfNew}
                WHERE "Id" = new."Id" AND new."CompanyId" IS NOT old."CompanyId";
                INSERT INTO "{Table}"(rowid, "SearchText", "{Column}")
                SELECT "Id", "SearchText", "{Column}" FROM "Contacts" WHERE "Id" = new."Id";

                INSERT INTO "{Table}"("{Table}", rowid, "SearchText", "{Column}")
                SELECT 'delete', "Id", "SearchText", "{Column}" FROM "Contacts"
                WHERE "CompanyId" = new."Id" AND new."Kind" = 1 AND new."SearchText" IS NOT old."SearchText";
                UPDATE "Contacts" SET "{Column}" = new."SearchText"
                WHERE "CompanyId" = new."Id" AND new."Kind" = 1 AND new."SearchText" IS NOT old."SearchText";
                INSERT INTO "{Table}"(rowid, "SearchText", "{Column}")
                SELECT "Id", "SearchText", "{Column}" FROM "Contacts"
                WHERE "CompanyId" = new."Id" AND new."Kind" = 1 AND new."SearchText" IS NOT old."SearchText";
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Contacts_Search_Delete" AFTER DELETE ON "Contacts" BEGIN
                INSERT INTO "{Table}"("{Table}", rowid, "SearchText", "{Column}")
                VALUES ('delete', old."Id", old."SearchText", old."{Column}");
            END;
            """);
        migrationBuilder.Sql($"""INSERT INTO "{Table}"("{Table}") VALUES ('rebuild');""");
    }

    private static void UpPostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            UPDATE "Contacts" AS p SET "{Column}" = c."SearchText"
            FROM "Contacts" AS c WHERE c."Id" = p."CompanyId" AND c."Kind" = 1;
            """);
        // FOR SHARE waits for a rename of the company still under way and then reads its new text; the rename's own update
        // of the company's people runs after this row is written, so neither misses the other.
        migrationBuilder.Sql($$"""
            CREATE FUNCTION "{{PostgresCompanyFunction}}"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW."CompanyId" IS NULL THEN
                    NEW."{{Column}}" := '';
                ELSE
                    NEW."{{Column}}" := COALESCE(
                        (SELECT c."SearchText" FROM "Contacts" AS c WHERE c."Id" = NEW."CompanyId" AND c."Kind" = 1 FOR SHARE), '');
                END IF;
                RETURN NEW;
            END
            $$;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "{PostgresCompanyFunction}" BEFORE INSERT OR UPDATE OF "CompanyId" ON "Contacts"
            FOR EACH ROW EXECUTE FUNCTION "{PostgresCompanyFunction}"();
            """);
        migrationBuilder.Sql($$"""
            CREATE FUNCTION "{{PostgresPeopleFunction}}"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE "Contacts" SET "{{Column}}" = NEW."SearchText" WHERE "CompanyId" = NEW."Id";
                RETURN NULL;
            END
            $$;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "{PostgresPeopleFunction}" AFTER UPDATE OF "SearchText" ON "Contacts"
            FOR EACH ROW WHEN (NEW."Kind" = 1 AND OLD."SearchText" IS DISTINCT FROM NEW."SearchText")
            EXECUTE FUNCTION "{PostgresPeopleFunction}"();
            """);
        migrationBuilder.Sql($"""CREATE INDEX "{PostgresIndex}" ON "Contacts" USING GIN ("{Column}" gin_trgm_ops);""");
        // The people of matching companies are now found by their own row: the index over companies alone has no reader left.
        migrationBuilder.Sql($"""DROP INDEX IF EXISTS "{PostgresCompanyIndex}";""");
    }

    /// <summary>Runs after EF has dropped the column.</summary>
    public static void Down(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (provider == DatabaseProvider.Postgres)
        {
            migrationBuilder.Sql($"""DROP INDEX IF EXISTS "{PostgresIndex}";""");
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{PostgresPeopleFunction}" ON "Contacts";""");
            migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS "{PostgresPeopleFunction}"();""");
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{PostgresCompanyFunction}" ON "Contacts";""");
            migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS "{PostgresCompanyFunction}"();""");
            migrationBuilder.Sql($"""
                CREATE INDEX IF NOT EXISTS "{PostgresCompanyIndex}" ON "Contacts" USING GIN ("SearchText" gin_trgm_ops) WHERE "Kind" = 1;
                """);
            return;
        }

        // Dropping the column made EF rebuild Contacts, and the rebuild took the table's triggers and raw indexes with it:
        // those of the migrations before come back.
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Contacts_Search_Delete";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Contacts_Search_Update";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Contacts_Search_Insert";""");
        migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{Table}";""");
        ContactSearchSql.Up(migrationBuilder, provider);
        ContactMatchOrderSql.Up(migrationBuilder, provider);
        ListOrderIndexSql.Up(migrationBuilder, provider);
    }
}
