using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AdoptionAtAGlanceFreshCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Invitations_Open_ExpiresAt",
                table: "Invitations",
                columns: new[] { "ExpiresAt", "PortalUserId", "UsedAt", "VoidedAt" },
                filter: "\"UsedAt\" IS NULL AND \"VoidedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_Open_MailStatus",
                table: "Invitations",
                columns: new[] { "MailStatus", "PortalUserId", "UsedAt", "VoidedAt" },
                filter: "\"UsedAt\" IS NULL AND \"VoidedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invitations_Open_ExpiresAt",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_Open_MailStatus",
                table: "Invitations");
        }
    }
}
