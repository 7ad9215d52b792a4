EXPLAIN (ANALYZE, BUFFERS) SELECT c4."Id", c4."Name", c4."Kind", c4."Email", CASE
    WHEN c3."Id" IS NOT NULL THEN c3."Name"
    ELSE c4."CompanyName"
END, u1."AccessState", u1."LastSignInAt", c4."CreatedAt", c4."EmailUndeliverableSince" IS NOT NULL
FROM (
    SELECT c."Id", c."CompanyId", c."CompanyName", c."CreatedAt", c."Email", c."EmailUndeliverableSince", c."Kind", c."Name", c."Email" IS NULL AS c
    FROM "Contacts" AS c
    WHERE c."Id" IN (
        SELECT c0."Id"
        FROM "Contacts" AS c0
        WHERE c0."SearchText" LIKE '%zzqxv%' ESCAPE '\'
        UNION ALL
        SELECT c2."Id"
        FROM "Contacts" AS c1
        INNER JOIN "Contacts" AS c2 ON c1."Id" = c2."CompanyId"
        WHERE c1."SearchText" LIKE '%zzqxv%' ESCAPE '\' AND c1."Kind" = 1
    )
    ORDER BY c."Email" IS NULL, c."Email", c."Id"
    LIMIT 26
) AS c4
LEFT JOIN "Contacts" AS c3 ON c4."CompanyId" = c3."Id"
LEFT JOIN (
    SELECT u0."LastSignInAt", u0."ContactId", u0."AccessState"
    FROM "Users" AS u0
    WHERE u0."Kind" = 1
) AS u1 ON c4."Id" = u1."ContactId"
ORDER BY c4.c, c4."Email", c4."Id";
