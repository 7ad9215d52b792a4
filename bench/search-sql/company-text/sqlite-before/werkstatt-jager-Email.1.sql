SELECT COUNT(*)
FROM (
    SELECT DISTINCT "u"."Value"
    FROM (
        SELECT "s"."Value"
        FROM (
            SELECT rowid AS "Value" FROM "ContactSearch" WHERE "ContactSearch" MATCH '"werkstatt" AND "jager"'
        ) AS "s"
        UNION ALL
        SELECT "c"."Id" AS "Value"
        FROM "Contacts" AS "c"
        WHERE "c"."CompanyId" IS NOT NULL AND "c"."CompanyId" IN (
            SELECT "s0"."Value"
            FROM (
                SELECT rowid AS "Value" FROM "ContactSearch" WHERE "ContactSearch" MATCH '"werkstatt" AND "jager"'
            ) AS "s0"
        ) AND EXISTS (
            SELECT 1
            FROM "Contacts" AS "c0"
            WHERE "c0"."Id" = "c"."CompanyId" AND "c0"."Kind" = 1)
    ) AS "u"
    LIMIT 1001
) AS "u0";
