using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Gives the customers' sign-ins recorded before <see cref="Domain.Adoption.CustomerSignInWeek"/> existed their weeks: one row
/// per portal user and Monday (UTC) of a week they signed in. Each database finds the Monday its own way: SQLite keeps instants
/// as UTC ticks, PostgreSQL as timestamps.
/// </summary>
public static class AdoptionSpeedBackfillSql
{
    public static void Up(MigrationBuilder migrationBuilder, bool sqlite)
    {
        var portal = (int)UserKind.Portal;
        var signedIn = (int)SecurityEventKind.SignedIn;
        // SQLite: ticks since 0001-01-01 to Unix seconds; six days back, then on to the next Monday (or the same day) is the
        // Monday on or before the day.
        var monday = sqlite
            ? """date((e."OccurredAt" - 621355968000000000) / 10000000, 'unixepoch', '-6 days', 'weekday 1')"""
            : """date_trunc('week', e."OccurredAt" AT TIME ZONE 'UTC')::date""";
        migrationBuilder.Sql($"""
            INSERT INTO "CustomerSignInWeeks" ("PortalUserId", "WeekStart")
            SELECT DISTINCT e."UserAccountId", {monday}
            FROM "SecurityEvents" e JOIN "Users" u ON u."Id" = e."UserAccountId"
            WHERE e."Kind" = {signedIn} AND u."Kind" = {portal}
            ON CONFLICT DO NOTHING;
            """);
    }
}
