-- /admin counted afresh on PostgreSQL, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int
      FROM "Contacts" AS c
      LEFT JOIN (
          SELECT u."Id", u."LockoutEndsAt", u."ContactId"
          FROM "Users" AS u
          WHERE u."Kind" = 1
      ) AS u0 ON c."Id" = u0."ContactId"
      WHERE u0."Id" IS NOT NULL AND u0."LockoutEndsAt" > '2026-12-03 03:00:00+00';
