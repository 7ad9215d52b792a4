-- /admin counted afresh, whole portal, 2010-03-01..2026-12-31, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT COUNT(*), COUNT(CASE
          WHEN "u"."InvitationDeliveredAt" IS NOT NULL THEN 1
      END), COUNT(CASE
          WHEN "u"."AcceptedAt" IS NOT NULL THEN 1
      END), COUNT(CASE
          WHEN "u"."AcceptedAt" IS NOT NULL AND "u"."AccessState" = 2 AND "u"."LastSignInAt" >= 639292716000000000 THEN 1
      END)
      FROM "Users" AS "u"
      WHERE "u"."Kind" = 1 AND "u"."GrantedAt" IS NOT NULL AND "u"."GrantedAt" >= 634029984000000000 AND "u"."GrantedAt" < 639343584000000000
      GROUP BY "u"."Kind"
      LIMIT 1;
