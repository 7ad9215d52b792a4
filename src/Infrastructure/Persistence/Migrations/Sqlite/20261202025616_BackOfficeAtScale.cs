using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BackOfficeAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Contacts",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SearchText",
                table: "Contacts",
                column: "SearchText");

            ContactSearchSql.Up(migrationBuilder, DatabaseProvider.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ContactSearchSql.Down(migrationBuilder, DatabaseProvider.Sqlite);

            migrationBuilder.DropIndex(
                name: "IX_Contacts_SearchText",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Contacts");
        }
    }
}
