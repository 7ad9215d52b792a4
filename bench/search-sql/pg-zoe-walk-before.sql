EXPLAIN (ANALYZE, BUFFERS)
SELECT c."Id", c."Name" FROM "Contacts" AS c LEFT JOIN "Contacts" AS c0 ON c."CompanyId" = c0."Id"
 WHERE (c."SearchText" LIKE '%zoe%' ESCAPE '\' OR (c0."Id" IS NOT NULL AND c0."Kind" = 1 AND c0."SearchText" LIKE '%zoe%' ESCAPE '\')) AND c."Name" <= 'Agnès Weber' AND (c."Name" < 'Agnès Weber' OR c."Id" < 47616)
 ORDER BY c."Name", c."Id" LIMIT 26;
