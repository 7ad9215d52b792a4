using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true,
                defaultValue: -1);

            migrationBuilder.AddColumn<int>(
                name: "ColleagueInvitations",
                table: "Settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "CompanyAdministratorsEditDetails",
                table: "Settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MaxPortalUsersPerCompany",
                table: "Settings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ActorKind",
                table: "PortalAccessEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ActorKind",
                table: "ActivityEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ColleagueRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequesterEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    RequesterLanguage = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: true)
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
