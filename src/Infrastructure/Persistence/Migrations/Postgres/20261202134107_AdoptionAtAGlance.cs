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
                name: "IX_Invitations_ExpiresAt",
                table: "Invitations",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invitations_ExpiresAt",
                table: "Invitations");

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
