-- /admin counted afresh, whole portal, 2010-03-01..2026-12-31, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT COUNT(*)
      FROM "Users" AS "u"
      WHERE "u"."Kind" = 1 AND "u"."AccessState" = 2 AND ("u"."LastSignInAt" IS NULL OR "u"."LastSignInAt" < 639240876000000000) AND ("u"."AcceptedAt" IS NULL OR "u"."AcceptedAt" < 639240876000000000);
