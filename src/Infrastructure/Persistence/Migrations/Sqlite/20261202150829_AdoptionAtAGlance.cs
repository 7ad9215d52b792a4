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

            migrationBuilder.AddColumn<bool>(
                name: "CustomersRequestNewLinks",
                table: "Settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "FinalReminderHoursBeforeExpiry",
                table: "Settings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FinalRemindedAt",
                table: "Invitations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmailUndeliverableSince",
                table: "Contacts",
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

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ExpiresAt",
                table: "Invitations",
                column: "ExpiresAt");

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

            migrationBuilder.DropIndex(
                name: "IX_Invitations_ExpiresAt",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "GrantedAt",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "TimeToAccept",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "CustomersRequestNewLinks",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "FinalReminderHoursBeforeExpiry",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "FinalRemindedAt",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "EmailUndeliverableSince",
                table: "Contacts");
        }
    }
}
