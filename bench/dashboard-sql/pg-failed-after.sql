-- /admin counted afresh on PostgreSQL, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int
      FROM "Users" AS u
      WHERE u."Kind" = 1 AND u."AccessState" IN (1, 2) AND u."Id" IN (
          SELECT i."PortalUserId"
          FROM "Invitations" AS i
          WHERE i."UsedAt" IS NULL AND i."VoidedAt" IS NULL AND i."MailStatus" = 2
      );
