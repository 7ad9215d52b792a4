SELECT "c3"."Id", "c3"."Name", "c3"."Kind", "c3"."Email", CASE
    WHEN "c2"."Id" IS NOT NULL THEN "c2"."Name"
    ELSE "c3"."CompanyName"
END, "u1"."AccessState", "u1"."LastSignInAt", "c3"."CreatedAt", "c3"."EmailUndeliverableSince" IS NOT NULL
FROM (
    SELECT "c"."Id", "c"."CompanyId", "c"."CompanyName", "c"."CreatedAt", "c"."Email", "c"."EmailUndeliverableSince", "c"."Kind", "c"."Name", "c"."Email" IS NULL AS "c"
    FROM "Contacts" AS "c"
    WHERE "c"."Id" IN (
        SELECT "s"."Value"
        FROM (
            SELECT rowid AS "Value" FROM "ContactSearch" WHERE "ContactSearch" MATCH '"werkstatt" AND "jager"'
        ) AS "s"
        UNION ALL
        SELECT "c0"."Id" AS "Value"
        FROM "Contacts" AS "c0"
        WHERE "c0"."CompanyId" IS NOT NULL AND "c0"."CompanyId" IN (
            SELECT "s0"."Value"
            FROM (
                SELECT rowid AS "Value" FROM "ContactSearch" WHERE "ContactSearch" MATCH '"werkstatt" AND "jager"'
            ) AS "s0"
        ) AND EXISTS (
            SELECT 1
            FROM "Contacts" AS "c1"
            WHERE "c1"."Id" = "c0"."CompanyId" AND "c1"."Kind" = 1)
    )
    ORDER BY "c"."Email" IS NULL, "c"."Email", "c"."Id"
    LIMIT 26
) AS "c3"
LEFT JOIN "Contacts" AS "c2" ON "c3"."CompanyId" = "c2"."Id"
LEFT JOIN (
    SELECT "u0"."LastSignInAt", "u0"."ContactId", "u0"."AccessState"
    FROM "Users" AS "u0"
    WHERE "u0"."Kind" = 1
) AS "u1" ON "c3"."Id" = "u1"."ContactId"
ORDER BY "c3"."c", "c3"."Email", "c3"."Id";
