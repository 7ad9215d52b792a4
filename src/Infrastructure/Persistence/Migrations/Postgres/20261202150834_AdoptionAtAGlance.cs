using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AdoptionAtAGlance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcceptedAt",
                table: "Users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "GrantedAt",
                table: "Users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TimeToAccept",
                table: "Users",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CustomersRequestNewLinks",
                table: "Settings",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "FinalReminderHoursBeforeExpiry",
                table: "Settings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FinalRemindedAt",
                table: "Invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EmailUndeliverableSince",
                table: "Contacts",
                type: "timestamp with time zone",
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

            AdoptionBackfillSql.Up(migrationBuilder, DatabaseProvider.Postgres);
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
