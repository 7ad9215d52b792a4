using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The list indexes EF's model cannot express. The contact list's e-mail sort orders by <c>Email IS NULL, Email, Id</c> so
/// that NULLs come last ascending (first descending) on SQLite and PostgreSQL alike, whose own NULL orders differ; this
/// expression index serves that order in both directions. The statement is the same on both databases; the provider is
/// there so that a statement for one of them alone has its place. The back office's document list sorts by due date the
/// same way (<c>DueOn IS NULL, DueOn, Id</c>): only invoices have one.
/// </summary>
public static class ListOrderIndexSql
{
    public const string ContactsByEmailIndex = "IX_Contacts_Email_NullsLast";
    public const string DocumentsByDueDateIndex = "IX_Documents_DueOn_NullsLast";

    public static void Up(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        migrationBuilder.Sql(
            $"CREATE INDEX \"{ContactsByEmailIndex}\" ON \"Contacts\" ((\"Email\" IS NULL), \"Email\", \"Id\");");
    }

    public static void Down(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        migrationBuilder.Sql($"DROP INDEX \"{ContactsByEmailIndex}\";");
    }

    /// <summary>The document list's due-date order (added after the contact list's, in a migration of its own).</summary>
    public static void UpDocuments(MigrationBuilder migrationBuilder, DatabaseProvider provider) =>
        migrationBuilder.Sql(
            $"CREATE INDEX \"{DocumentsByDueDateIndex}\" ON \"Documents\" ((\"DueOn\" IS NULL), \"DueOn\", \"Id\", \"Kind\", \"Status\", \"Number\");");

    public static void DownDocuments(MigrationBuilder migrationBuilder, DatabaseProvider provider) =>
        migrationBuilder.Sql($"DROP INDEX \"{DocumentsByDueDateIndex}\";");
}
