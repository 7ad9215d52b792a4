-- /admin counted afresh, whole portal, 2010-03-01..2026-12-31, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT COUNT(*), COUNT(CASE WHEN "u0"."InvitationDeliveredAt" IS NOT NULL THEN 1 END), COUNT(CASE WHEN "u0"."AcceptedAt" IS NOT NULL THEN 1 END), COUNT(CASE WHEN "u0"."AcceptedAt" IS NOT NULL AND "u0"."AccessState" = 2 AND "u0"."LastSignInAt" >= 639292716000000000 THEN 1 END)
FROM (SELECT "u"."LastSignInAt", "u"."AcceptedAt", "u"."InvitationDeliveredAt", "u"."AccessState", 1 AS "Key" FROM "Users" AS "u"
 WHERE "u"."Kind" = 1 AND "u"."GrantedAt" IS NOT NULL AND "u"."GrantedAt" >= 634029984000000000 AND "u"."GrantedAt" < 639343584000000000) AS "u0" GROUP BY "u0"."Key" LIMIT 1;
