-- /admin counted afresh on PostgreSQL, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int
      FROM "Users" AS u
      WHERE u."Kind" = 1 AND u."AccessState" = 2 AND (u."LastSignInAt" IS NULL OR u."LastSignInAt" < '2026-09-04 03:00:00+00') AND (u."AcceptedAt" IS NULL OR u."AcceptedAt" < '2026-09-04 03:00:00+00');
