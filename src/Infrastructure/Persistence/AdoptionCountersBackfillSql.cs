using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Domain.Mail;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Gives rows stored before the dashboard's kept counts existed their values, as the outbox says: each invitation its mail's
/// status, and each portal user the time the first link of its current grant was sent (its creation time for a mail stored as
/// sent without one). The same on both databases: times compare as they are stored.
/// </summary>
public static class AdoptionCountersBackfillSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        var portal = (int)UserKind.Portal;
        var sent = (int)OutboxStatus.Sent;
        migrationBuilder.Sql("""
            UPDATE "Invitations" SET "MailStatus" = (SELECT o."Status" FROM "OutboxMessages" o WHERE o."Id" = "Invitations"."MailId")
            WHERE "MailId" IS NOT NULL;
            """);
        migrationBuilder.Sql($"""
            UPDATE "Users" SET "InvitationDeliveredAt" = (
                SELECT MIN(COALESCE(o."SentAt", o."CreatedAt")) FROM "Invitations" i JOIN "OutboxMessages" o ON o."Id" = i."MailId"
                WHERE i."PortalUserId" = "Users"."Id" AND i."CreatedAt" >= "Users"."GrantedAt" AND o."Status" = {sent})
            WHERE "Kind" = {portal} AND "GrantedAt" IS NOT NULL;
            """);
    }
}
