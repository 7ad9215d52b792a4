-- /admin counted afresh on PostgreSQL, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int, count(*) FILTER (WHERE u."InvitationDeliveredAt" IS NOT NULL)::int, count(*) FILTER (WHERE u."AcceptedAt" IS NOT NULL)::int, count(*) FILTER (WHERE u."AcceptedAt" IS NOT NULL AND u."AccessState" = 2 AND u."LastSignInAt" >= '2026-11-03 03:00:00+00')::int
      FROM "Users" AS u
      WHERE u."Kind" = 1 AND u."GrantedAt" IS NOT NULL AND u."GrantedAt" >= '2010-03-01 00:00:00+00' AND u."GrantedAt" < '2027-01-01 00:00:00+00'
      GROUP BY u."Kind"
      LIMIT 1;
