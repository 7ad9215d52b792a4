using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffRolesAndSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InvitedAt",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "JoinedAt",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StaffRole",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            // Every back-office user before roles existed could do everything.
            migrationBuilder.Sql("UPDATE \"Users\" SET \"StaffRole\" = 1, \"JoinedAt\" = \"LastSignInAt\" WHERE \"Kind\" = 0;");

            migrationBuilder.AddColumn<long>(
                name: "RemindAt",
                table: "Invitations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemindedAt",
                table: "Invitations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityEntries_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ActivityEntries_Users_ActorUserId",
                        column: x => x.ActorUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ActivityEntries_Users_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PrimaryColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    SupportEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    SupportPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ImprintUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PrivacyUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LogoContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    LogoData = table.Column<byte[]>(type: "BLOB", nullable: true),
                    LogoVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvitationValidityHours = table.Column<int>(type: "INTEGER", nullable: false),
                    WelcomeMessageEnglish = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WelcomeMessageGerman = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SendInvitationReminders = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShowDetails = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShowPaymentMethods = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShowDocuments = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShowPages = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequirePortalTwoFactor = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordMinLength = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionIdleTimeoutMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_RemindAt",
                table: "Invitations",
                column: "RemindAt");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_ActorUserId_OccurredAt",
                table: "ActivityEntries",
                columns: new[] { "ActorUserId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_ContactId_OccurredAt",
                table: "ActivityEntries",
                columns: new[] { "ContactId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_Kind_OccurredAt",
                table: "ActivityEntries",
                columns: new[] { "Kind", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_OccurredAt",
                table: "ActivityEntries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_StaffUserId_OccurredAt",
                table: "ActivityEntries",
                columns: new[] { "StaffUserId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityEntries");

            migrationBuilder.DropTable(
                name: "Settings");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_RemindAt",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "InvitedAt",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "JoinedAt",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "StaffRole",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "RemindAt",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "RemindedAt",
                table: "Invitations");
        }
    }
}
