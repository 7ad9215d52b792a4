-- /admin counted afresh on PostgreSQL, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int
      FROM "Users" AS u
      WHERE u."Kind" = 1 AND u."GrantedAt" IS NOT NULL AND u."GrantedAt" >= '2010-03-01 00:00:00+00' AND u."GrantedAt" < '2027-01-01 00:00:00+00' AND u."TimeToAccept" IS NOT NULL;
