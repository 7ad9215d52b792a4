using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerBaseOnboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PortalAccessJobId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalReference",
                table: "Contacts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContactImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalAccessJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Selection = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    WelcomeMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalAccessJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalAccessJobItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalAccessJobItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalAccessJobItems_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PortalAccessJobItems_PortalAccessJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "PortalAccessJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PortalAccessJobId_Status",
                table: "OutboxMessages",
                columns: new[] { "PortalAccessJobId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ExternalReference",
                table: "Contacts",
                column: "ExternalReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactImports_UploadedAt",
                table: "ContactImports",
                column: "UploadedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PortalAccessJobItems_ContactId",
                table: "PortalAccessJobItems",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalAccessJobItems_JobId_Outcome_Id",
                table: "PortalAccessJobItems",
                columns: new[] { "JobId", "Outcome", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalAccessJobs_Status_Id",
                table: "PortalAccessJobs",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactImports");

            migrationBuilder.DropTable(
                name: "PortalAccessJobItems");

            migrationBuilder.DropTable(
                name: "PortalAccessJobs");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_PortalAccessJobId_Status",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_ExternalReference",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "PortalAccessJobId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ExternalReference",
                table: "Contacts");
        }
    }
}
