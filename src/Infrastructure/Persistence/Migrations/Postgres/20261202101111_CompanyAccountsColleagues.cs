using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompanyAccountsColleagues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CompanyDocumentKinds",
                table: "Users",
                type: "integer",
                nullable: true,
                defaultValue: -1);

            migrationBuilder.AddColumn<int>(
                name: "ActorKind",
                table: "PortalAccessEvents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ActorKind",
                table: "ActivityEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CompanyDocumentKinds",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "ActorKind",
                table: "PortalAccessEvents");

            migrationBuilder.DropColumn(
                name: "ActorKind",
                table: "ActivityEntries");
        }
    }
}
