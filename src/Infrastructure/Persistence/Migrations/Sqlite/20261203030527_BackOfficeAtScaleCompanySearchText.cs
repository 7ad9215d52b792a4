using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BackOfficeAtScaleCompanySearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CompanySearchText",
                table: "Contacts",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CompanySearchText",
                table: "Contacts",
                column: "CompanySearchText");

            CompanySearchTextSql.Up(migrationBuilder, DatabaseProvider.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_CompanySearchText",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "CompanySearchText",
                table: "Contacts");

            CompanySearchTextSql.Down(migrationBuilder, DatabaseProvider.Sqlite);
        }
    }
}
