EXPLAIN (ANALYZE, BUFFERS) SELECT count(*)::int
FROM (
    SELECT DISTINCT u."Id"
    FROM (
        SELECT c."Id"
        FROM "Contacts" AS c
        WHERE c."SearchText" LIKE '%werkstatt%' ESCAPE '\' AND c."SearchText" LIKE '%jager%' ESCAPE '\'
        UNION ALL
        SELECT c0."Id"
        FROM "Contacts" AS c0
        WHERE c0."CompanySearchText" LIKE '%werkstatt%' ESCAPE '\' AND c0."CompanySearchText" LIKE '%jager%' ESCAPE '\'
    ) AS u
    LIMIT 1001
) AS u0;
