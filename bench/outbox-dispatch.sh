#!/usr/bin/env bash
# Outbox dispatch (issue #13): starts Portal in Release on an empty SQLite database whose mail goes over SMTP to a local
# sink (bench/smtp-sink.py, which accepts and drops every message), queues [mails] due invitation-sized mails by SQL,
# lets the dispatcher deliver them, and prints mails per second from the sink's first to its last message. The dispatcher
# sends each claimed batch (Portal:Mail:BatchSize, default 100) over one SMTP connection (the sink offers PIPELINING) and
# stores the batch's results in one commit. Goal: ≥ 500 mails/s.
#
#   bash bench/outbox-dispatch.sh [mails]      (default 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
mails=${1:-5000}
fail() { echo "bench: $*" >&2; exit 1; }
for tool in curl sqlite3 python3 dotnet; do command -v $tool >/dev/null || fail "$tool is not installed"; done

work=$(mktemp -d /tmp/portal-outbox.XXXXXX)
app="" sink=""
stop_app() { [ -n "$app" ] && { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }; app=""; }
trap 'stop_app; [ -n "$sink" ] && kill "$sink" 2>/dev/null; rm -rf "$work"' EXIT

echo "building (Release)…"
dotnet build src/Web -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the portal does not build"; }

port=$((20000 + RANDOM % 20000))
smtp_port=$((40000 + RANDOM % 20000))
python3 bench/smtp-sink.py "$smtp_port" "$work/sink" &
sink=$!
start_app() {
  (
    export ASPNETCORE_ENVIRONMENT=Development Portal__DataFolder="$work/data" Logging__LogLevel__Default=Warning
    export Database__Provider=Sqlite ConnectionStrings__Portal="Data Source=$work/data/portal.db"
    export ASPNETCORE_URLS="http://127.0.0.1:$port" Portal__PublicBaseUrl="http://127.0.0.1:$port"
    export Portal__Admin__Email=admin@bench.example Portal__Admin__Password='Bench-Lighthouse-Orchard-77'
    export Portal__Mail__Host=127.0.0.1 Portal__Mail__Port="$smtp_port" Portal__Mail__Security=None
    exec dotnet src/Web/bin/Release/net10.0/Portal.Web.dll
  ) >"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return
    kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; fail "the portal stopped"; }
    sleep 0.5
  done
  fail "the portal did not get ready"
}

mkdir -p "$work/data"
echo "migrating…"
start_app
stop_app
now=$(( ($(date +%s) + 62135596800) * 10000000 ))
body=$(printf 'Hello,%.0s' $(seq 1 150))
sqlite3 "$work/data/portal.db" <<SQL
INSERT INTO "OutboxMessages" ("Id", "Attempts", "CreatedAt", "HtmlBody", "NextAttemptAt", "Status", "Subject", "TextBody", "ToAddress", "ToName")
WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < $mails)
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
  0, $now, '<p>$body</p>', $now, 0, 'Your invitation', '$body', 'mail' || n || '@bench.example', 'Bench ' || n FROM s;
SQL
echo "queued $mails mails; starting the dispatcher…"
start_app
for _ in $(seq 1 1200); do
  # The sink rewrites the file after each message, so it may be read empty in between.
  received=$(cut -d' ' -f1 "$work/sink" 2>/dev/null || true)
  [ "${received:-0}" -ge "$mails" ] && break
  sleep 0.25
done
read -r count first last <"$work/sink"
stop_app
sent=$(sqlite3 "$work/data/portal.db" 'SELECT count(*) FROM "OutboxMessages" WHERE "Status" = 1')
awk -v c="$count" -v f="$first" -v l="$last" -v s="$sent" 'BEGIN {
  printf "outbox: %d mails received by the sink, %d marked sent; %.2f s first to last, %.0f mails/s (goal >= 500)\n", c, s, l - f, (c - 1) / (l - f) }'
