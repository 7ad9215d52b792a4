EXPLAIN (ANALYZE, BUFFERS) SELECT s."Id", s."Name", s."Kind", s."Email", CASE
    WHEN s."Id0" IS NOT NULL THEN s."Name0"
    ELSE s."CompanyName"
END, u0."AccessState", u0."LastSignInAt", s."CreatedAt", s."EmailUndeliverableSince" IS NOT NULL
FROM (
    SELECT c."Id", c."CompanyName", c."CreatedAt", c."Email", c."EmailUndeliverableSince", c."Kind", c."Name", c0."Id" AS "Id0", c0."Name" AS "Name0"
    FROM "Contacts" AS c
    LEFT JOIN "Contacts" AS c0 ON c."CompanyId" = c0."Id"
    WHERE (c."SearchText" LIKE '%zoe%' ESCAPE '\' OR (c0."Id" IS NOT NULL AND c0."Kind" = 1 AND c0."SearchText" LIKE '%zoe%' ESCAPE '\')) AND c."CreatedAt" <= '2023-12-15T03:03:48.0000000+00:00' AND (c."CreatedAt" < '2023-12-15T03:03:48.0000000+00:00' OR c."Id" < 47355)
    ORDER BY c."CreatedAt", c."Id"
    LIMIT 26
) AS s
LEFT JOIN (
    SELECT u."LastSignInAt", u."ContactId", u."AccessState"
    FROM "Users" AS u
    WHERE u."Kind" = 1
) AS u0 ON s."Id" = u0."ContactId"
ORDER BY s."CreatedAt", s."Id";
