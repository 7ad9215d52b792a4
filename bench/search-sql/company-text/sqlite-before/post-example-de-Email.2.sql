SELECT "c"."Id", "c"."Name", "c"."Kind", "c"."Email", "c"."CreatedAt"
FROM "Contacts" AS "c"
ORDER BY "c"."Email" IS NULL, "c"."Email", "c"."Id"
LIMIT min(1, 1) OFFSET 1000;
