-- /admin counted afresh, whole portal, 2010-03-01..2026-12-31, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT "c"."WeekStart" AS "Week", COUNT(*) AS "Customers" FROM "CustomerSignInWeeks" AS "c" WHERE "c"."WeekStart" >= '2026-09-14' AND "c"."WeekStart" < '2026-12-07' GROUP BY "c"."WeekStart";
