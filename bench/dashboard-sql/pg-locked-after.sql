-- /admin counted afresh on PostgreSQL, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int
      FROM "Users" AS u
      WHERE u."Kind" = 1 AND u."LockoutEndsAt" > '2026-12-03 03:00:00+00';
