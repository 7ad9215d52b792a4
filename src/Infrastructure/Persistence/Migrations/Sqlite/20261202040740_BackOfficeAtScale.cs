using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BackOfficeAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_CreatedAt",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_CreatedAt",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_Name",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_ActorUserId_OccurredAt",
                table: "ActivityEntries");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_ContactId_OccurredAt",
                table: "ActivityEntries");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_Kind_OccurredAt",
                table: "ActivityEntries");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_OccurredAt",
                table: "ActivityEntries");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_StaffUserId_OccurredAt",
                table: "ActivityEntries");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Contacts",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CreatedAt_Id",
                table: "OutboxMessages",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_CreatedAt_Id",
                table: "OutboxMessages",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ContactId_IssuedOn_Id",
                table: "Documents",
                columns: new[] { "ContactId", "IssuedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ContactId_Kind_Status",
                table: "Documents",
                columns: new[] { "ContactId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ContactId_Number_Id",
                table: "Documents",
                columns: new[] { "ContactId", "Number", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ContactId_TotalAmount_Id",
                table: "Documents",
                columns: new[] { "ContactId", "TotalAmount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CreatedAt_Id",
                table: "Contacts",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Name_Id",
                table: "Contacts",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SearchText",
                table: "Contacts",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_ActorUserId_OccurredAt_Id",
                table: "ActivityEntries",
                columns: new[] { "ActorUserId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_ContactId_OccurredAt_Id",
                table: "ActivityEntries",
                columns: new[] { "ContactId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_Kind_OccurredAt_Id",
                table: "ActivityEntries",
                columns: new[] { "Kind", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_OccurredAt_Id",
                table: "ActivityEntries",
                columns: new[] { "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_StaffUserId_OccurredAt_Id",
                table: "ActivityEntries",
                columns: new[] { "StaffUserId", "OccurredAt", "Id" });

            ContactSearchSql.Up(migrationBuilder, DatabaseProvider.Sqlite);
            ListOrderIndexSql.Up(migrationBuilder, DatabaseProvider.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ListOrderIndexSql.Down(migrationBuilder, DatabaseProvider.Sqlite);
            ContactSearchSql.Down(migrationBuilder, DatabaseProvider.Sqlite);

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_CreatedAt_Id",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Status_CreatedAt_Id",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Documents_ContactId_IssuedOn_Id",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_ContactId_Kind_Status",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_ContactId_Number_Id",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_ContactId_TotalAmount_Id",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_CreatedAt_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_Name_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_SearchText",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_ActorUserId_OccurredAt_Id",
                table: "ActivityEntries");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_ContactId_OccurredAt_Id",
                table: "ActivityEntries");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_Kind_OccurredAt_Id",
                table: "ActivityEntries");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_OccurredAt_Id",
                table: "ActivityEntries");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_StaffUserId_OccurredAt_Id",
                table: "ActivityEntries");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CreatedAt",
                table: "OutboxMessages",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CreatedAt",
                table: "Contacts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Name",
                table: "Contacts",
                column: "Name");

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
    }
}
