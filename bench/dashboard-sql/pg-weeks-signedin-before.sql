-- /admin counted afresh on PostgreSQL, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT c."WeekStart" AS "Week", count(*)::int AS "Customers"
      FROM "CustomerSignInWeeks" AS c
      WHERE c."WeekStart" >= '2026-09-14'::date AND c."WeekStart" < '2026-12-07'::date
      GROUP BY c."WeekStart";
