-- /admin counted afresh, whole portal, 2010-03-01..2026-12-31, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT "u"."AcceptedAt" FROM "Users" AS "u" WHERE "u"."Kind" = 1 AND "u"."AcceptedAt" >= 639249408000000000 AND "u"."AcceptedAt" < 639321984000000000;
