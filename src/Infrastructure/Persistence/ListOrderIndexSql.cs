using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The list indexes EF's model cannot express. The contact list's e-mail sort orders by <c>Email IS NULL, Email, Id</c> so
/// that NULLs come last ascending (first descending) on SQLite and PostgreSQL alike, whose own NULL orders differ; this
/// expression index serves that order in both directions. The statement is the same on both databases; the provider is
/// there so that a statement for one of them alone has its place.
/// </summary>
public static class ListOrderIndexSql
{
    public const string ContactsByEmailIndex = "IX_Contacts_Email_NullsLast";

    public static void Up(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        migrationBuilder.Sql(
            $"CREATE INDEX \"{ContactsByEmailIndex}\" ON \"Contacts\" ((\"Email\" IS NULL), \"Email\", \"Id\");");
    }

    public static void Down(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        migrationBuilder.Sql($"DROP INDEX \"{ContactsByEmailIndex}\";");
    }
}
