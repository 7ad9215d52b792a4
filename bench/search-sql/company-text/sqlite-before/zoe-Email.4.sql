SELECT "p"."Id"
FROM (
    SELECT * FROM "Contacts" INDEXED BY "IX_Contacts_Id_SortKeys" 
) AS "p"
WHERE "p"."Id" IN (
    SELECT "s"."Value"
    FROM (
        SELECT rowid AS "Value" FROM "ContactSearch" WHERE "ContactSearch" MATCH '"zoe"'
    ) AS "s"
    UNION ALL
    SELECT "c"."Id" AS "Value"
    FROM "Contacts" AS "c"
    WHERE "c"."CompanyId" IS NOT NULL AND "c"."CompanyId" IN (
        SELECT "s0"."Value"
        FROM (
            SELECT rowid AS "Value" FROM "ContactSearch" WHERE "ContactSearch" MATCH '"zoe"'
        ) AS "s0"
    ) AND EXISTS (
        SELECT 1
        FROM "Contacts" AS "c0"
        WHERE "c0"."Id" = "c"."CompanyId" AND "c0"."Kind" = 1)
)
ORDER BY "p"."Email" IS NULL, "p"."Email", "p"."Id"
LIMIT 26;
