-- /admin counted afresh on PostgreSQL, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int, count(*) FILTER (WHERE u0."InvitationDeliveredAt" IS NOT NULL)::int, count(*) FILTER (WHERE u0."AcceptedAt" IS NOT NULL)::int, count(*) FILTER (WHERE u0."AcceptedAt" IS NOT NULL AND u0."AccessState" = 2 AND u0."LastSignInAt" >= '2026-11-03 03:00:00+00')::int
      FROM (
          SELECT u."LastSignInAt", u."AcceptedAt", u."InvitationDeliveredAt", u."AccessState", 1 AS "Key"
          FROM "Users" AS u
          WHERE u."Kind" = 1 AND u."GrantedAt" IS NOT NULL AND u."GrantedAt" >= '2010-03-01 00:00:00+00' AND u."GrantedAt" < '2027-01-01 00:00:00+00'
      ) AS u0
      GROUP BY u0."Key"
      LIMIT 1;
