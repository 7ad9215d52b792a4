using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
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
                type: "character varying(64)",
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

            ListOrderIndexSql.UpDocuments(migrationBuilder, DatabaseProvider.Postgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ListOrderIndexSql.DownDocuments(migrationBuilder, DatabaseProvider.Postgres);

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
