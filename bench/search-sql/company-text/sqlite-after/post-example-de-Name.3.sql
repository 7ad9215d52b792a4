SELECT "c1"."Id", "c1"."Name", "c1"."Kind", "c1"."Email", CASE
    WHEN "c0"."Id" IS NOT NULL THEN "c0"."Name"
    ELSE "c1"."CompanyName"
END, "u0"."AccessState", "u0"."LastSignInAt", "c1"."CreatedAt", "c1"."EmailUndeliverableSince" IS NOT NULL
FROM (
    SELECT "c"."Id", "c"."CompanyId", "c"."CompanyName", "c"."CreatedAt", "c"."Email", "c"."EmailUndeliverableSince", "c"."Kind", "c"."Name"
    FROM "Contacts" AS "c"
    WHERE ("c"."SearchText" LIKE '%post.example.de%' ESCAPE '\' OR "c"."CompanySearchText" || '' LIKE '%post.example.de%' ESCAPE '\') AND "c"."Name" <= 'Agnès Krüger' AND ("c"."Name" < 'Agnès Krüger' OR "c"."Id" < 50021)
    ORDER BY "c"."Name", "c"."Id"
    LIMIT 26
) AS "c1"
LEFT JOIN "Contacts" AS "c0" ON "c1"."CompanyId" = "c0"."Id"
LEFT JOIN (
    SELECT "u"."LastSignInAt", "u"."ContactId", "u"."AccessState"
    FROM "Users" AS "u"
    WHERE "u"."Kind" = 1
) AS "u0" ON "c1"."Id" = "u0"."ContactId"
ORDER BY "c1"."Name", "c1"."Id";
