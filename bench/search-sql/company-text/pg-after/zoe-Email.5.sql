EXPLAIN (ANALYZE, BUFFERS) SELECT c."Id", c."Name", c."Kind", c."Email", CASE
    WHEN c0."Id" IS NOT NULL THEN c0."Name"
    ELSE c."CompanyName"
END, u0."AccessState", u0."LastSignInAt", c."CreatedAt", c."EmailUndeliverableSince" IS NOT NULL
FROM "Contacts" AS c
LEFT JOIN "Contacts" AS c0 ON c."CompanyId" = c0."Id"
LEFT JOIN (
    SELECT u."LastSignInAt", u."ContactId", u."AccessState"
    FROM "Users" AS u
    WHERE u."Kind" = 1
) AS u0 ON c."Id" = u0."ContactId"
WHERE c."Id" = ANY (ARRAY[2,1032,11070,11113,12472,1396,14508,14952,15087,16960,17734,17977,19092,21133,21709,24056,25273,25618,25825,25920,26537,26682,26849,2767,27680,28247]);
