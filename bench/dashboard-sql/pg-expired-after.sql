-- /admin counted afresh on PostgreSQL, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int
      FROM "Users" AS u
      WHERE u."Kind" = 1 AND u."AccessState" = 1 AND u."Id" NOT IN (
          SELECT i."PortalUserId"
          FROM "Invitations" AS i
          WHERE i."UsedAt" IS NULL AND i."VoidedAt" IS NULL AND i."ExpiresAt" > '2026-12-03 03:00:00+00'
      );
