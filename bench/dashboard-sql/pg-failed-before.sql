-- /admin counted afresh on PostgreSQL, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int
      FROM "Contacts" AS c
      LEFT JOIN (
          SELECT u."Id", u."ContactId", u."AccessState"
          FROM "Users" AS u
          WHERE u."Kind" = 1
      ) AS u0 ON c."Id" = u0."ContactId"
      WHERE u0."Id" IS NOT NULL AND u0."AccessState" IN (1, 2) AND EXISTS (
          SELECT 1
          FROM "Invitations" AS i
          WHERE u0."Id" = i."PortalUserId" AND i."UsedAt" IS NULL AND i."VoidedAt" IS NULL AND i."MailStatus" = 2);
