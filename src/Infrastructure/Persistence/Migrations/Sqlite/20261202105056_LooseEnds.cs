using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LooseEnds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RenderedWith",
                table: "Pages",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_IssuedOn_Id_Kind_Status_Number",
                table: "Documents",
                columns: new[] { "IssuedOn", "Id", "Kind", "Status", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Kind_Status_DueOn",
                table: "Documents",
                columns: new[] { "Kind", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Number_Id_Kind_Status",
                table: "Documents",
                columns: new[] { "Number", "Id", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_TotalAmount_Id_Kind_Status_Number",
                table: "Documents",
                columns: new[] { "TotalAmount", "Id", "Kind", "Status", "Number" });

            ListOrderIndexSql.UpDocuments(migrationBuilder, DatabaseProvider.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ListOrderIndexSql.DownDocuments(migrationBuilder, DatabaseProvider.Sqlite);

            migrationBuilder.DropIndex(
                name: "IX_Documents_IssuedOn_Id_Kind_Status_Number",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_Kind_Status_DueOn",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_Number_Id_Kind_Status",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_TotalAmount_Id_Kind_Status_Number",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "RenderedWith",
                table: "Pages");
        }
    }
}
