-- /admin counted afresh on PostgreSQL, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT u."AcceptedAt"
      FROM "Users" AS u
      WHERE u."Kind" = 1 AND u."AcceptedAt" >= '2026-09-14 00:00:00+00' AND u."AcceptedAt" < '2026-12-07 00:00:00+00';
