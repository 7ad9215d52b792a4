SELECT COUNT(*)
FROM (
    SELECT DISTINCT "s"."Value"
    FROM (
        SELECT rowid AS "Value" FROM "ContactSearch" WHERE "ContactSearch" MATCH '{SearchText} : ("werkstatt" AND "jager") OR {CompanySearchText} : ("werkstatt" AND "jager")'
    ) AS "s"
    LIMIT 1001
) AS "s0";
