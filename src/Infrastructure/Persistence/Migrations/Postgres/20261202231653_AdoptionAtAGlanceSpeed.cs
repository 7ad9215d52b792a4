using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AdoptionAtAGlanceSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_AcceptedAt",
                table: "Users");

            migrationBuilder.CreateTable(
                name: "CustomerSignInWeeks",
                columns: table => new
                {
                    PortalUserId = table.Column<int>(type: "integer", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerSignInWeeks", x => new { x.PortalUserId, x.WeekStart });
                    table.ForeignKey(
                        name: "FK_CustomerSignInWeeks_Users_PortalUserId",
                        column: x => x.PortalUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Users_AcceptedAt_Kind",
                table: "Users",
                columns: new[] { "AcceptedAt", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSignInWeeks_WeekStart",
                table: "CustomerSignInWeeks",
                column: "WeekStart");

            AdoptionSpeedBackfillSql.Up(migrationBuilder, sqlite: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerSignInWeeks");

            migrationBuilder.DropIndex(
                name: "IX_Users_AcceptedAt_Kind",
                table: "Users");

            migrationBuilder.CreateIndex(
                name: "IX_Users_AcceptedAt",
                table: "Users",
                column: "AcceptedAt");
        }
    }
}
