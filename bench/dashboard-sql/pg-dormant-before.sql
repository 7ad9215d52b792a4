-- /admin counted afresh on PostgreSQL, as main sent it before AdoptionAtAGlanceFreshCounts (now = 2026-12-03 03:00 UTC)
SELECT count(*)::int
      FROM "Contacts" AS c
      LEFT JOIN (
          SELECT u."LastSignInAt", u."AcceptedAt", u."ContactId", u."AccessState"
          FROM "Users" AS u
          WHERE u."Kind" = 1
      ) AS u0 ON c."Id" = u0."ContactId"
      WHERE u0."AccessState" = 2 AND (u0."LastSignInAt" IS NULL OR u0."LastSignInAt" < '2026-09-04 03:00:00+00') AND (u0."AcceptedAt" IS NULL OR u0."AcceptedAt" < '2026-09-04 03:00:00+00');
