SELECT "s"."Id", "s"."Name", "s"."Kind", "s"."Email", CASE
    WHEN "s"."Id0" IS NOT NULL THEN "s"."Name0"
    ELSE "s"."CompanyName"
END, "u0"."AccessState", "u0"."LastSignInAt", "s"."CreatedAt", "s"."EmailUndeliverableSince" IS NOT NULL
FROM (
    SELECT "c"."Id", "c"."CompanyName", "c"."CreatedAt", "c"."Email", "c"."EmailUndeliverableSince", "c"."Kind", "c"."Name", "c0"."Id" AS "Id0", "c0"."Name" AS "Name0"
    FROM "Contacts" AS "c"
    LEFT JOIN "Contacts" AS "c0" ON "c"."CompanyId" = "c0"."Id"
    WHERE ("c"."SearchText" LIKE '%muller%' ESCAPE '\' OR ("c0"."Id" IS NOT NULL AND "c0"."Kind" = 1 AND "c0"."SearchText" LIKE '%muller%' ESCAPE '\')) AND "c"."Name" <= 'Agnès Krüger' AND ("c"."Name" < 'Agnès Krüger' OR "c"."Id" < 50021)
    ORDER BY "c"."Name", "c"."Id"
    LIMIT 26
) AS "s"
LEFT JOIN (
    SELECT "u"."LastSignInAt", "u"."ContactId", "u"."AccessState"
    FROM "Users" AS "u"
    WHERE "u"."Kind" = 1
) AS "u0" ON "s"."Id" = "u0"."ContactId"
ORDER BY "s"."Name", "s"."Id";
