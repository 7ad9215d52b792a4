using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Domain.PortalAccess;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Gives portal users stored before the dashboard's columns existed their grant and acceptance times from their access
/// history: the latest grant, the first acceptance after it, and the time between, in ticks. SQLite keeps times as ticks
/// already; PostgreSQL's interval becomes ticks through its seconds.
/// </summary>
public static class AdoptionBackfillSql
{
    public static void Up(MigrationBuilder migrationBuilder, DatabaseProvider provider)
    {
        var portal = (int)UserKind.Portal;
        var granted = (int)PortalAccessEventKind.Granted;
        var accepted = (int)PortalAccessEventKind.Accepted;
        migrationBuilder.Sql($"""
            UPDATE "Users" SET "GrantedAt" = (SELECT MAX(e."OccurredAt") FROM "PortalAccessEvents" e
                WHERE e."PortalUserId" = "Users"."Id" AND e."Kind" = {granted})
            WHERE "Kind" = {portal};
            """);
        migrationBuilder.Sql($"""
            UPDATE "Users" SET "AcceptedAt" = (SELECT MIN(e."OccurredAt") FROM "PortalAccessEvents" e
                WHERE e."PortalUserId" = "Users"."Id" AND e."Kind" = {accepted} AND e."OccurredAt" >= "Users"."GrantedAt")
            WHERE "Kind" = {portal} AND "GrantedAt" IS NOT NULL;
            """);
        var difference = provider == DatabaseProvider.Postgres
            ? """CAST(ROUND(EXTRACT(EPOCH FROM ("AcceptedAt" - "GrantedAt")) * 10000000) AS bigint)"""
            : """ "AcceptedAt" - "GrantedAt" """;
        migrationBuilder.Sql($"""
            UPDATE "Users" SET "TimeToAccept" = {difference} WHERE "AcceptedAt" IS NOT NULL;
            """);
    }
}
