using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BackOfficeAtScaleSearchWalk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Name_Id",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Name_Id_SearchText_CompanySearchText",
                table: "Contacts",
                columns: new[] { "Name", "Id", "SearchText", "CompanySearchText" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Name_Id_SearchText_CompanySearchText",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Name_Id",
                table: "Contacts",
                columns: new[] { "Name", "Id" });
        }
    }
}
