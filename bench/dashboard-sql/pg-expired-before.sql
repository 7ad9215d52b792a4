-- /admin counted afresh on PostgreSQL, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int
      FROM "Contacts" AS c
      LEFT JOIN (
          SELECT u."Id", u."ContactId", u."AccessState"
          FROM "Users" AS u
          WHERE u."Kind" = 1
      ) AS u0 ON c."Id" = u0."ContactId"
      WHERE u0."AccessState" = 1 AND EXISTS (
          SELECT 1
          FROM "Invitations" AS i
          WHERE u0."Id" IS NOT NULL AND u0."Id" = i."PortalUserId") AND NOT EXISTS (
          SELECT 1
          FROM "Invitations" AS i0
          WHERE u0."Id" IS NOT NULL AND u0."Id" = i0."PortalUserId" AND i0."UsedAt" IS NULL AND i0."VoidedAt" IS NULL AND i0."ExpiresAt" > '2026-12-03 03:00:00+00');
