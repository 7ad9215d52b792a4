EXPLAIN (ANALYZE, BUFFERS) SELECT u."Id"
FROM (
    SELECT c."Id", c."City", c."CompanyId", c."CompanyName", c."CompanySearchText", c."CountryCode", c."CreatedAt", c."Email", c."EmailUndeliverableSince", c."ExternalReference", c."Kind", c."Name", c."Phone", c."PostalCode", c."PreferredLanguage", c."SearchText", c."Street", c."UpdatedAt", c."VatNumber"
    FROM "Contacts" AS c
    WHERE c."SearchText" LIKE '%zoe%' ESCAPE '\'
    UNION
    SELECT c0."Id", c0."City", c0."CompanyId", c0."CompanyName", c0."CompanySearchText", c0."CountryCode", c0."CreatedAt", c0."Email", c0."EmailUndeliverableSince", c0."ExternalReference", c0."Kind", c0."Name", c0."Phone", c0."PostalCode", c0."PreferredLanguage", c0."SearchText", c0."Street", c0."UpdatedAt", c0."VatNumber"
    FROM "Contacts" AS c0
    WHERE c0."CompanySearchText" LIKE '%zoe%' ESCAPE '\'
) AS u
ORDER BY u."Email" IS NULL, u."Email", u."Id"
LIMIT 26;
