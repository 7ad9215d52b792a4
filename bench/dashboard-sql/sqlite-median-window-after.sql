-- /admin counted afresh, whole portal, 2010-03-01..2026-12-31, as sent since AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT "u"."TimeToAccept"
      FROM "Users" AS "u"
      WHERE "u"."Kind" = 1 AND "u"."TimeToAccept" IS NOT NULL AND COALESCE("u"."GrantedAt", 621355968000000000) >= 634029984000000000 AND COALESCE("u"."GrantedAt", 639343584000000000) < 639343584000000000
      ORDER BY "u"."TimeToAccept", "u"."Id"
      LIMIT 2 OFFSET 7500;
