-- /admin counted afresh, whole portal, 2010-03-01..2026-12-31, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT COUNT(*)
      FROM "Users" AS "u"
      WHERE "u"."Kind" = 1 AND "u"."LockoutEndsAt" > 639318636000000000;
