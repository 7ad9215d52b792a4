SELECT "c"."Id", "c"."Name", "c"."Kind", "c"."Email", CASE
    WHEN "c0"."Id" IS NOT NULL THEN "c0"."Name"
    ELSE "c"."CompanyName"
END, "u0"."AccessState", "u0"."LastSignInAt", "c"."CreatedAt", "c"."EmailUndeliverableSince" IS NOT NULL
FROM "Contacts" AS "c"
LEFT JOIN "Contacts" AS "c0" ON "c"."CompanyId" = "c0"."Id"
LEFT JOIN (
    SELECT "u"."LastSignInAt", "u"."ContactId", "u"."AccessState"
    FROM "Users" AS "u"
    WHERE "u"."Kind" = 1
) AS "u0" ON "c"."Id" = "u0"."ContactId"
WHERE "c"."Id" IN (3580, 7562, 8281, 9401, 9891, 10340, 12479, 13075, 13750, 15686, 16263, 17123, 18165, 18172, 22618, 32195, 33262, 33673, 34489, 38629, 40045, 42808, 43035, 44530, 44633, 47896, 47896, 47896, 47896, 47896);
