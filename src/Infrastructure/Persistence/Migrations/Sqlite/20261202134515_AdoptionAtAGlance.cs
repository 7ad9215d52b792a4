using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdoptionAtAGlance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcceptedAt",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "GrantedAt",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TimeToAccept",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_AcceptedAt",
                table: "Users",
                column: "AcceptedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Users_GrantedAt",
                table: "Users",
                column: "GrantedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Users_LockoutEndsAt",
                table: "Users",
                column: "LockoutEndsAt");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_Kind_OccurredAt_UserAccountId",
                table: "SecurityEvents",
                columns: new[] { "Kind", "OccurredAt", "UserAccountId" });

            AdoptionBackfillSql.Up(migrationBuilder, DatabaseProvider.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_AcceptedAt",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Users_GrantedAt",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Users_LockoutEndsAt",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_Kind_OccurredAt_UserAccountId",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "GrantedAt",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "TimeToAccept",
                table: "Users");
        }
    }
}
