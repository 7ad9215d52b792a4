using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffRolesAndSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeactivatedAt",
                table: "Users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InvitedAt",
                table: "Users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "JoinedAt",
                table: "Users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StaffRole",
                table: "Users",
                type: "integer",
                nullable: true);

            // Every back-office user before roles existed could do everything.
            migrationBuilder.Sql("UPDATE \"Users\" SET \"StaffRole\" = 1, \"JoinedAt\" = \"LastSignInAt\" WHERE \"Kind\" = 0;");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemindAt",
                table: "Invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemindedAt",
                table: "Invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ActorUserId = table.Column<int>(type: "integer", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ContactId = table.Column<int>(type: "integer", nullable: true),
                    StaffUserId = table.Column<int>(type: "integer", nullable: true),
                    SubjectName = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CompanyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PrimaryColour = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    SupportEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    SupportPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ImprintUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PrivacyUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LogoContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LogoData = table.Column<byte[]>(type: "bytea", nullable: true),
                    LogoVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InvitationValidityHours = table.Column<int>(type: "integer", nullable: false),
                    WelcomeMessageEnglish = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WelcomeMessageGerman = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SendInvitationReminders = table.Column<bool>(type: "boolean", nullable: false),
                    ShowDetails = table.Column<bool>(type: "boolean", nullable: false),
                    ShowPaymentMethods = table.Column<bool>(type: "boolean", nullable: false),
                    ShowDocuments = table.Column<bool>(type: "boolean", nullable: false),
                    ShowPages = table.Column<bool>(type: "boolean", nullable: false),
                    RequirePortalTwoFactor = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordMinLength = table.Column<int>(type: "integer", nullable: false),
                    SessionIdleTimeoutMinutes = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
