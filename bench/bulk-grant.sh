#!/usr/bin/env bash
# Bulk grant of 10,000 contacts (issue #13): for SQLite and then PostgreSQL, starts the portal in Release on an empty
# database, adds 10,000 contacts without access by SQL, signs the administrator in through the real form, runs a first
# job of 500 other contacts (as a portal that has run a job since its start: its code compiled, its queries prepared;
# PORTAL_BENCH_WARMUP_CONTACTS=0 measures the first job after the start instead) and waits until its mails are out, then
# starts the measured job through the contacts list's confirmation form ("No access" filter) and polls the job's JSON
# until it is finished, every second as the job page does (PORTAL_BENCH_POLL=<seconds> to poll more often). Prints the
# wall time from the POST until the job was seen finished (only as precise as the polling), the CPU time the portal (and
# PostgreSQL's processes) used meanwhile, the job's own time from the database (first to last batch, and from its
# creation in the POST to its last batch: the goal's figure) and the rows it left: portal users, invitations and outbox
# mails. Goal: ≤ 5 s per database.
#
#   bash bench/bulk-grant.sh [contacts]      (default 10000)
#   PORTAL_BENCH_POSTGRES="Host=127.0.0.1;Port=55434;Username=postgres" for the PostgreSQL run (skipped without it)
#   PORTAL_BENCH_ONLY=Sqlite or PORTAL_BENCH_ONLY=Postgres runs that database only
#   PORTAL_BENCH_SETTLE=<seconds> waits that long between the confirmation page and its POST, as a person reading it would
#   PORTAL_BENCH_TRACE=<folder> traces each job with dotnet-trace (CPU samples, `dotnet tool restore` first) into
#   <folder>/bulk-grant-<provider>.nettrace, for PORTAL_BENCH_TRACE_SECONDS (default 30) from the POST on
#   PORTAL_BENCH_READYTORUN=1 publishes the portal with ReadyToRun (its code and its packages' compiled ahead of time) and
#   runs that instead of the build output
#   PORTAL_BENCH_PERF=<folder> samples every process on the machine with perf (Debian's linux-perf) from the POST until the
#   job is seen finished, into <folder>/bulk-grant-<provider>.perf, the portal's compiled code named through its perf map
#   (DOTNET_PerfMapEnabled): on-CPU time only, the database's processes included. `perf report -i <file> --sort comm,dso,sym`
#
# Mail goes to a pickup folder, so the dispatcher works alongside the job as it would in production.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
contacts=${1:-10000}
warmup=${PORTAL_BENCH_WARMUP_CONTACTS:-500}
# The job page asks for its progress every second (wwwroot/js/job-progress.js); so does the bench, unless told otherwise.
poll=${PORTAL_BENCH_POLL:-1}
admin_email=admin@bench.example
admin_password='Bench-Lighthouse-Orchard-77'
fail() { echo "bench: $*" >&2; exit 1; }
for tool in curl jq sqlite3 dotnet; do command -v $tool >/dev/null || fail "$tool is not installed"; done

work=$(mktemp -d /tmp/portal-bulk-grant.XXXXXX)
app=""
stop_app() { [ -n "$app" ] && { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }; app=""; }
trap 'stop_app; rm -rf "$work"' EXIT

echo "building (Release)…"
portal_dll=src/Web/bin/Release/net10.0/Portal.Web.dll
if [ -n "${PORTAL_BENCH_READYTORUN:-}" ]; then
  # As a deployment would publish it: the portal and its packages compiled ahead of time (ReadyToRun), tiered up as usual.
  portal_dll="$work/published/Portal.Web.dll"
  dotnet publish src/Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/published" \
    -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the portal does not publish"; }
else
  dotnet build src/Web -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the portal does not build"; }
fi

port=$((20000 + RANDOM % 40000))
base="http://127.0.0.1:$port"
start_app() { # provider connection-string
  (
    export ASPNETCORE_ENVIRONMENT=Development Portal__DataFolder="$work/data-$1" Portal__Admin__Email="$admin_email"
    export Portal__Admin__Password="$admin_password" Logging__LogLevel__Default=Warning
    export Database__Provider="$1" ConnectionStrings__Portal="$2" ASPNETCORE_URLS="$base" Portal__PublicBaseUrl="$base"
    export Portal__Mail__PickupFolder="$work/mail-$1"
    if [ -n "${PORTAL_BENCH_PERF:-}" ]; then export DOTNET_PerfMapEnabled=1; fi
    exec dotnet "$portal_dll"
  ) >"$work/app-$1.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do
    curl -fs "$base/health/ready" >/dev/null 2>&1 && return
    kill -0 "$app" 2>/dev/null || { cat "$work/app-$1.log"; fail "the portal on $1 stopped"; }
    sleep 0.5
  done
  fail "the portal on $1 did not get ready"
}

# CPU time (user + system, in clock ticks of 1/100 s) of process $1, and of every PostgreSQL process there is.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
postgres_ticks() {
  local total=0 pid
  for pid in $(pgrep -x postgres || true); do total=$((total + $(cpu_ticks "$pid" 2>/dev/null || echo 0))); done
  echo "$total"
}

# Persons without access, named and addressed like the domain would store them (search text: lower-case name and e-mail).
seed_sql() { # now-expression
  cat <<SQL
UPDATE "Settings" SET "RequireStaffTwoFactor" = 0;
INSERT INTO "Contacts" ("Kind", "Name", "Email", "PreferredLanguage", "CreatedAt", "UpdatedAt", "SearchText")
SELECT 0, 'Bulk ' || n, 'bulk' || n || '@bench.example', 'en', $1, $1, 'bulk ' || n || ' bulk' || n || '@bench.example'
FROM $2;
INSERT INTO "Contacts" ("Kind", "Name", "Email", "PreferredLanguage", "CreatedAt", "UpdatedAt", "SearchText")
SELECT 0, 'Warmup ' || n, 'warmup' || n || '@bench.example', 'en', $1, $1, 'warmup ' || n || ' warmup' || n || '@bench.example'
FROM $3;
SQL
}

# Starts a grant job through the confirmation page at $1 (cookie jar $2) and polls its JSON until it is finished; prints
# the JSON.
grant_and_wait() {
  curl -fs -c "$2" -b "$2" "$1" -o "$work/page" || fail "the confirmation page did not answer on $provider"
  local job progress
  job=$(curl -fs -c "$2" -b "$2" -o /dev/null -w '%{redirect_url}' "$1" \
    --data-urlencode "__RequestVerificationToken=$(token "$work/page")" --data-urlencode "WelcomeMessage=Welcome!")
  [ -n "$job" ] || fail "starting the job failed on $provider"
  while :; do
    progress=$(curl -fs -b "$2" "$job?handler=Progress") || fail "the job's JSON did not answer"
    [ "$(jq -r .finished <<<"$progress")" = true ] && break
    sleep "$poll"
  done
  echo "$progress"
}

run() { # provider connection-string sql-client...
  local provider=$1 connection=$2; shift 2
  echo "$provider: migrating…"
  start_app "$provider" "$connection"
  stop_app
  if [ "$provider" = Sqlite ]; then
    seed_sql "$(( ($(date +%s) + 62135596800) * 10000000 ))" \
      "(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < $contacts) SELECT n FROM s)" \
      "(WITH RECURSIVE s(n) AS (SELECT 1 WHERE $warmup > 0 UNION ALL SELECT n + 1 FROM s WHERE n < $warmup) SELECT n FROM s)" | "$@"
  else
    seed_sql "now()" "generate_series(1, $contacts) AS n" "generate_series(1, $warmup) AS n" | "$@" >/dev/null
  fi
  start_app "$provider" "$connection"

  local jar="$work/jar-$provider"
  curl -fs -c "$jar" -b "$jar" "$base/account/sign-in" -o "$work/page"
  curl -fs -c "$jar" -b "$jar" "$base/account/sign-in" -o /dev/null --data-urlencode "Input.Email=$admin_email" \
    --data-urlencode "Input.Password=$admin_password" --data-urlencode "__RequestVerificationToken=$(token "$work/page")"
  if [ "$warmup" -gt 0 ]; then
    local warm_started=$(date +%s.%N)
    grant_and_wait "$base/admin/portal-access/jobs/new?kind=Grant&q=warmup" "$jar" >/dev/null
    printf '%s: warm-up job of %s contacts: %.2f s\n' "$provider" "$warmup" "$(echo "$(date +%s.%N) - $warm_started" | bc)"
    # Its invitations leave once it is finished; the measured job starts when they are out, as in a portal not sending
    # anything else at the time (otherwise the dispatcher's first rounds run beside the measured job's start).
    for _ in $(seq 1 240); do
      [ "$(find "$work/mail-$provider" -type f 2>/dev/null | wc -l)" -ge "$warmup" ] && break
      sleep 0.25
    done
    [ "$(find "$work/mail-$provider" -type f 2>/dev/null | wc -l)" -ge "$warmup" ] || fail "the warm-up job's mails did not leave on $provider"
    sleep 1
  fi
  local confirm="$base/admin/portal-access/jobs/new?kind=Grant&access=NoAccess"
  curl -fs -c "$jar" -b "$jar" "$confirm" -o "$work/page" || fail "the confirmation page did not answer on $provider"
  echo "$provider: confirmation says: $(grep -o 'id="job-count">[^<]*' "$work/page" | sed 's/.*>//')"

  # Seconds between showing the confirmation and confirming it (a person reads the number first); 0 unless told.
  sleep "${PORTAL_BENCH_SETTLE:-0}"
  local started job tracer=""
  if [ -n "${PORTAL_BENCH_TRACE:-}" ]; then
    mkdir -p "$PORTAL_BENCH_TRACE"
    dotnet tool run dotnet-trace collect -p "$app" -o "$(cd "$PORTAL_BENCH_TRACE" && pwd)/bulk-grant-$provider.nettrace" \
      --duration "00:00:00:$(printf '%02d' "${PORTAL_BENCH_TRACE_SECONDS:-30}")" >"$work/trace-$provider.log" 2>&1 &
    tracer=$!
    sleep 2
  fi
  local cpu_before db_before
  cpu_before=$(cpu_ticks "$app") db_before=$(postgres_ticks)
  local perf=""
  if [ -n "${PORTAL_BENCH_PERF:-}" ]; then
    mkdir -p "$PORTAL_BENCH_PERF"
    perf record -a -g -F 499 -o "$(cd "$PORTAL_BENCH_PERF" && pwd)/bulk-grant-$provider.perf" >"$work/perf-$provider.log" 2>&1 &
    perf=$!
    sleep 1
  fi
  started=$(date +%s.%N)
  local progress
  progress=$(grant_and_wait "$confirm" "$jar")
  if [ -n "$perf" ]; then kill -INT "$perf"; wait "$perf" || true; fi
  local wall
  wall=$(echo "$(date +%s.%N) - $started" | bc)
  printf '%s: %s contacts, %s done, %s refused; wall %.2f s (POST to seen finished, polled every %s s)\n' "$provider" \
    "$(jq .total <<<"$progress")" "$(jq .done <<<"$progress")" "$(jq .refused <<<"$progress")" "$wall" "$poll"
  printf '%s: CPU meanwhile: the portal %.2f s' "$provider" "$(echo "($(cpu_ticks "$app") - $cpu_before) / 100" | bc -l)"
  [ "$provider" = Postgres ] && printf ', PostgreSQL %.2f s' "$(echo "($(postgres_ticks) - $db_before) / 100" | bc -l)"
  printf ' (2 cores: %.2f core-seconds in all)\n' "$(echo "2 * $wall" | bc -l)"
  if [ -n "$tracer" ]; then wait "$tracer" || { cat "$work/trace-$provider.log" >&2; fail "tracing failed"; }; fi
  stop_app
  if [ "$provider" = Sqlite ]; then
    "$@" <<'SQL'
SELECT 'Sqlite: job ' || printf('%.2f', ("FinishedAt" - "StartedAt") / 1e7) || ' s first to last batch, total from creation '
  || printf('%.2f', ("FinishedAt" - "CreatedAt") / 1e7) || ' s' FROM "PortalAccessJobs" ORDER BY "Id" DESC LIMIT 1;
SELECT 'Sqlite: ' || (SELECT count(*) FROM "Users" WHERE "Kind" = 1 AND "Login" LIKE 'bulk%') || ' portal users, '
  || (SELECT count(*) FROM "Invitations" AS i JOIN "Users" AS u ON u."Id" = i."PortalUserId" WHERE u."Login" LIKE 'bulk%')
  || ' invitations, ' || (SELECT count(*) FROM "OutboxMessages" WHERE "PortalAccessJobId" = (SELECT max("Id") FROM "PortalAccessJobs"))
  || ' job mails';
SQL
  else
    "$@" -At <<'SQL'
SELECT 'Postgres: job ' || round(extract(epoch FROM "FinishedAt" - "StartedAt")::numeric, 2) || ' s first to last batch, total from creation '
  || round(extract(epoch FROM "FinishedAt" - "CreatedAt")::numeric, 2) || ' s' FROM "PortalAccessJobs" ORDER BY "Id" DESC LIMIT 1;
SELECT 'Postgres: ' || (SELECT count(*) FROM "Users" WHERE "Kind" = 1 AND "Login" LIKE 'bulk%') || ' portal users, '
  || (SELECT count(*) FROM "Invitations" AS i JOIN "Users" AS u ON u."Id" = i."PortalUserId" WHERE u."Login" LIKE 'bulk%')
  || ' invitations, ' || (SELECT count(*) FROM "OutboxMessages" WHERE "PortalAccessJobId" = (SELECT max("Id") FROM "PortalAccessJobs"))
  || ' job mails';
SQL
  fi
}

mkdir -p "$work/data-Sqlite"
only=${PORTAL_BENCH_ONLY:-}
if [ "$only" != Postgres ]; then
  run Sqlite "Data Source=$work/data-Sqlite/portal.db" sqlite3 "$work/data-Sqlite/portal.db"
fi
if [ "$only" = Sqlite ]; then
  :
elif [ -n "${PORTAL_BENCH_POSTGRES:-}" ]; then
  database="portal_bulk_grant_$$"
  server=${PORTAL_BENCH_POSTGRES%;}
  psql_args=$(sed 's/Host=\([^;]*\)/-h \1/; s/Port=\([^;]*\)/-p \1/; s/Username=\([^;]*\)/-U \1/; s/;/ /g' <<<"$server")
  # shellcheck disable=SC2086
  run Postgres "$server;Database=$database" psql $psql_args -d "$database" -q -v ON_ERROR_STOP=1
  # shellcheck disable=SC2086
  psql $psql_args -d postgres -q -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)"
else
  echo "Postgres: skipped (set PORTAL_BENCH_POSTGRES)"
fi
