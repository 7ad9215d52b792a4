using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdoptionAtAGlanceDigest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DailyDigest",
                table: "Users",
                type: "INTEGER",
                nullable: true,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DailyDigestRuns",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyDigestRuns", x => x.Day);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyDigestRuns");

            migrationBuilder.DropColumn(
                name: "DailyDigest",
                table: "Users");
        }
    }
}
