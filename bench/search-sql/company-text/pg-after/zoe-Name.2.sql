EXPLAIN (ANALYZE, BUFFERS) SELECT c."Id", c."Name", c."Kind", c."Email", c."CreatedAt"
FROM "Contacts" AS c
ORDER BY c."Name", c."Id"
LIMIT LEAST(1, 1) OFFSET 1000;
