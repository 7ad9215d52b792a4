using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdoptionAtAGlanceDigestAndCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_AccessState",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Users_GrantedAt",
                table: "Users");

            migrationBuilder.AddColumn<bool>(
                name: "DailyDigest",
                table: "Users",
                type: "INTEGER",
                nullable: true,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "InvitationDeliveredAt",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MailStatus",
                table: "Invitations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DailyDigestRuns",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyDigestRuns", x => x.Day);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Users_AccessState",
                table: "Users",
                columns: new[] { "AccessState", "Kind", "ContactId", "LastSignInAt", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_GrantedAt",
                table: "Users",
                columns: new[] { "GrantedAt", "Kind", "InvitationDeliveredAt", "AcceptedAt", "AccessState", "LastSignInAt", "TimeToAccept" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_TimeToAccept",
                table: "Users",
                columns: new[] { "TimeToAccept", "Id", "Kind", "GrantedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_MailId",
                table: "Invitations",
                column: "MailId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_Open",
                table: "Invitations",
                columns: new[] { "PortalUserId", "ExpiresAt", "MailStatus", "UsedAt", "VoidedAt" },
                filter: "\"UsedAt\" IS NULL AND \"VoidedAt\" IS NULL");

            AdoptionCountersBackfillSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyDigestRuns");

            migrationBuilder.DropIndex(
                name: "IX_Users_AccessState",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Users_GrantedAt",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Users_TimeToAccept",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_MailId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_Open",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "DailyDigest",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "InvitationDeliveredAt",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "MailStatus",
                table: "Invitations");

            migrationBuilder.CreateIndex(
                name: "IX_Users_AccessState",
                table: "Users",
                column: "AccessState");

            migrationBuilder.CreateIndex(
                name: "IX_Users_GrantedAt",
                table: "Users",
                column: "GrantedAt");
        }
    }
}
