SELECT COUNT(*)
FROM (
    SELECT DISTINCT "s"."Value"
    FROM (
        SELECT rowid AS "Value" FROM "ContactSearch" WHERE "ContactSearch" MATCH '"muller"'
    ) AS "s"
    LIMIT 1001
) AS "s0";
