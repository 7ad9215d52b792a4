EXPLAIN (ANALYZE, BUFFERS) SELECT u."Id"
FROM (
    SELECT c."Id", c."City", c."CompanyId", c."CompanyName", c."CountryCode", c."CreatedAt", c."Email", c."EmailUndeliverableSince", c."ExternalReference", c."Kind", c."Name", c."Phone", c."PostalCode", c."PreferredLanguage", c."SearchText", c."Street", c."UpdatedAt", c."VatNumber"
    FROM "Contacts" AS c
    WHERE c."SearchText" LIKE '%zoe%' ESCAPE '\'
    UNION
    SELECT c1."Id", c1."City", c1."CompanyId", c1."CompanyName", c1."CountryCode", c1."CreatedAt", c1."Email", c1."EmailUndeliverableSince", c1."ExternalReference", c1."Kind", c1."Name", c1."Phone", c1."PostalCode", c1."PreferredLanguage", c1."SearchText", c1."Street", c1."UpdatedAt", c1."VatNumber"
    FROM "Contacts" AS c0
    INNER JOIN "Contacts" AS c1 ON c0."Id" = c1."CompanyId"
    WHERE c0."SearchText" LIKE '%zoe%' ESCAPE '\' AND c0."Kind" = 1
) AS u
ORDER BY u."Name", u."Id"
LIMIT 26;
