-- /admin counted afresh on PostgreSQL, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT u."TimeToAccept"
      FROM "Users" AS u
      WHERE u."Kind" = 1 AND u."TimeToAccept" IS NOT NULL AND COALESCE(u."GrantedAt", TIMESTAMPTZ '1970-01-01T00:00:00+00:00') >= '2010-03-01 00:00:00+00' AND COALESCE(u."GrantedAt", '2027-01-01 00:00:00+00') < '2027-01-01 00:00:00+00'
      ORDER BY u."TimeToAccept", u."Id"
      LIMIT 2 OFFSET 7500;
