EXPLAIN (ANALYZE, BUFFERS) SELECT count(*)::int
FROM (
    SELECT DISTINCT u."Id"
    FROM (
        SELECT c."Id"
        FROM "Contacts" AS c
        WHERE c."SearchText" LIKE '%post.example.de%' ESCAPE '\'
        UNION ALL
        SELECT c1."Id"
        FROM "Contacts" AS c0
        INNER JOIN "Contacts" AS c1 ON c0."Id" = c1."CompanyId"
        WHERE c0."SearchText" LIKE '%post.example.de%' ESCAPE '\' AND c0."Kind" = 1
    ) AS u
    LIMIT 1001
) AS u0;
