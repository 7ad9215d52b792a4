using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SearchText",
                table: "Contacts",
                column: "SearchText");

            ContactSearchSql.Up(migrationBuilder, DatabaseProvider.Postgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ContactSearchSql.Down(migrationBuilder, DatabaseProvider.Postgres);

            migrationBuilder.DropIndex(
                name: "IX_Contacts_SearchText",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Contacts");
        }
    }
}
