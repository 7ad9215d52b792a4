-- /admin counted afresh, whole portal, 2010-03-01..2026-12-31, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT COUNT(*) FROM "Users" AS "u" WHERE "u"."Kind" = 1 AND "u"."GrantedAt" IS NOT NULL AND "u"."GrantedAt" >= 634029984000000000 AND "u"."GrantedAt" < 639343584000000000 AND "u"."TimeToAccept" IS NOT NULL;
