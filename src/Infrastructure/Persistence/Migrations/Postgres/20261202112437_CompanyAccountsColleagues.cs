using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

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
                name: "ColleagueInvitations",
                table: "Settings",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "CompanyAdministratorsEditDetails",
                table: "Settings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MaxPortalUsersPerCompany",
                table: "Settings",
                type: "integer",
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "ColleagueRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    RequestedByUserId = table.Column<int>(type: "integer", nullable: true),
                    RequesterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequesterEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    RequesterLanguage = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ContactId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ColleagueRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ColleagueRequests_Contacts_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ColleagueRequests_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ColleagueRequests_Users_RequestedByUserId",
                        column: x => x.RequestedByUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ColleagueRequests_CompanyId_RequestedAt",
                table: "ColleagueRequests",
                columns: new[] { "CompanyId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ColleagueRequests_ContactId",
                table: "ColleagueRequests",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ColleagueRequests_RequestedByUserId",
                table: "ColleagueRequests",
                column: "RequestedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ColleagueRequests_Status_RequestedAt_Id",
                table: "ColleagueRequests",
                columns: new[] { "Status", "RequestedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ColleagueRequests");

            migrationBuilder.DropColumn(
                name: "CompanyDocumentKinds",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "ColleagueInvitations",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "CompanyAdministratorsEditDetails",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "MaxPortalUsersPerCompany",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "ActorKind",
                table: "PortalAccessEvents");

            migrationBuilder.DropColumn(
                name: "ActorKind",
                table: "ActivityEntries");
        }
    }
}
