using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Infrastructure.Mail;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LooseEnds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages");

            migrationBuilder.AddColumn<string>(
                name: "StaffLanguage",
                table: "Users",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreditorIdentifier",
                table: "Settings",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreditorIdentifier",
                table: "PaymentMethods",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemovedAt",
                table: "PaymentMethods",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RenderedWith",
                table: "Pages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "OutboxMessages",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.CreateTable(
                name: "InstanceHeartbeats",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceHeartbeats", x => x.ProcessId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMethods_ContactId_OneDefault",
                table: "PaymentMethods",
                column: "ContactId",
                unique: true,
                filter: "\"IsDefault\" = TRUE AND \"RemovedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMethods_RemovedAt",
                table: "PaymentMethods",
                column: "RemovedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt_Sequence",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_IssuedOn_Id_Kind_Status_Number",
                table: "Documents",
                columns: new[] { "IssuedOn", "Id", "Kind", "Status", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Kind_Status_DueOn",
                table: "Documents",
                columns: new[] { "Kind", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Number_Id_Kind_Status",
                table: "Documents",
                columns: new[] { "Number", "Id", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_TotalAmount_Id_Kind_Status_Number",
                table: "Documents",
                columns: new[] { "TotalAmount", "Id", "Kind", "Status", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceHeartbeats_Name_LastSeenAt",
                table: "InstanceHeartbeats",
                columns: new[] { "Name", "LastSeenAt" });

            ListOrderIndexSql.UpDocuments(migrationBuilder, DatabaseProvider.Postgres);
            OutboxSequence.Up(migrationBuilder, DatabaseProvider.Postgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            OutboxSequence.Down(migrationBuilder, DatabaseProvider.Postgres);
            ListOrderIndexSql.DownDocuments(migrationBuilder, DatabaseProvider.Postgres);

            migrationBuilder.DropTable(
                name: "InstanceHeartbeats");

            migrationBuilder.DropIndex(
                name: "IX_PaymentMethods_ContactId_OneDefault",
                table: "PaymentMethods");

            migrationBuilder.DropIndex(
                name: "IX_PaymentMethods_RemovedAt",
                table: "PaymentMethods");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt_Sequence",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Documents_IssuedOn_Id_Kind_Status_Number",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_Kind_Status_DueOn",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_Number_Id_Kind_Status",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_TotalAmount_Id_Kind_Status_Number",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "StaffLanguage",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "CreditorIdentifier",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "CreditorIdentifier",
                table: "PaymentMethods");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "PaymentMethods");

            migrationBuilder.DropColumn(
                name: "RenderedWith",
                table: "Pages");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });
        }
    }
}
