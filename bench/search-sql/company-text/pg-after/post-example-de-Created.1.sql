EXPLAIN (ANALYZE, BUFFERS) SELECT count(*)::int
FROM (
    SELECT DISTINCT u."Id"
    FROM (
        SELECT c."Id"
        FROM "Contacts" AS c
        WHERE c."SearchText" LIKE '%post.example.de%' ESCAPE '\'
        UNION ALL
        SELECT c0."Id"
        FROM "Contacts" AS c0
        WHERE c0."CompanySearchText" LIKE '%post.example.de%' ESCAPE '\'
    ) AS u
    LIMIT 1001
) AS u0;
