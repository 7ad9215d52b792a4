SELECT "p"."Id"
FROM (
    SELECT * FROM "Contacts" INDEXED BY "IX_Contacts_Id_SortKeys" 
) AS "p"
WHERE "p"."Id" IN (
    SELECT "s"."Value"
    FROM (
        SELECT rowid AS "Value" FROM "ContactSearch" WHERE "ContactSearch" MATCH '"zoe"'
    ) AS "s"
)
ORDER BY "p"."Name", "p"."Id"
LIMIT 26;
