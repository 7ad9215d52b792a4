using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalReference",
                table: "Contacts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContactImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedBy = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Mapping = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalAccessJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StartedByUserId = table.Column<int>(type: "integer", nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Selection = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    WelcomeMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Refused = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalAccessJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalAccessJobItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<int>(type: "integer", nullable: false),
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
