#!/usr/bin/env bash
# The CSV contact import of issue #13: preview plus commit of 10,000 rows through the real pages, goal ≤ 10 s.
#
# Starts Portal (Release, SQLite in a temp folder), signs in the administrator through the real form, writes a CSV file
# of N rows (name, e-mail, phone, street, postal code, city, country name, company out of 200, language, external
# reference) and times, with curl, the upload that shows the preview and the confirmation that stores the contacts.
# Then the same file again with every city changed, so that each row matches a stored contact and is an update.
# A missed goal is reported, not an error: the exit code is non-zero only when the run itself fails.
#
#   bash bench/csv-import.sh [rows]      (default 10000)
#
# The last line is for scripts: `csv_import_seconds=<new rows: preview + commit>`. Needs: the .NET SDK, curl, sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
rows=${1:-10000}
port=${PORTAL_BENCH_PORT:-5097}
base="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/portal-bench.XXXXXX)
admin_password='Bench-Lighthouse-Orchard-77'
app=''
fail() { echo "bench: $*" >&2; exit 1; }
for tool in curl sqlite3 dotnet awk; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
cleanup() { [ -n "$app" ] && { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }; [ -n "${PORTAL_BENCH_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

echo "building Portal (Release)…"
dotnet build src/Web -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" \
Portal__DataFolder="$work/data" Portal__Admin__Email=admin@bench.example Portal__Admin__Password="$admin_password" \
Portal__PublicBaseUrl="$base" Logging__LogLevel__Default=Warning \
  dotnet src/Web/bin/Release/net10.0/Portal.Web.dll >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.5; done
curl -fs -o /dev/null "$base/health/live" || { tail -n 30 "$work/app.log" >&2; fail "Portal did not start"; }

# Two-factor set-up for staff is not what this measures: the fresh database's setting says no staff must.
sqlite3 "$work/data/portal.db" "UPDATE Settings SET RequireStaffTwoFactor = 0;"
curl -fs -c "$work/admin" -b "$work/admin" "$base/account/sign-in" -o "$work/page"
curl -fs -c "$work/admin" -b "$work/admin" "$base/account/sign-in" -o /dev/null \
  --data-urlencode "Input.Email=admin@bench.example" --data-urlencode "Input.Password=$admin_password" \
  --data-urlencode "__RequestVerificationToken=$(token "$work/page")"
for _ in $(seq 1 30); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/admin" "$base/admin/contacts/import")" = 200 ] && break
  sleep 0.5
done

# $1: the file; $2: the city every row gets.
write_csv() {
  awk -v n="$rows" -v city="$2" 'BEGIN {
    print "Name;E-Mail;Telefon;Straße;PLZ;Ort;Land;Firma;Sprache;Kundennummer"
    for (i = 1; i <= n; i++)
      printf "Person %d;person%d@bench.example;+49 40 %07d;Street %d;%05d;%s;Germany;Company %d;de;K-%d\n", \
        i, i, i, i, i % 100000, city, i % 200, i
  }' >"$1"
}

# Prints "<preview seconds> <commit seconds> <new> <updated>" for one import of file $1.
import_once() {
  curl -fs -b "$work/admin" -c "$work/admin" "$base/admin/contacts/import" -o "$work/form"
  local preview_time commit_time preview
  preview_time=$(curl -fs -L -b "$work/admin" -c "$work/admin" "$base/admin/contacts/import" -o "$work/preview" \
    -w '%{url_effective} %{time_total}' -F "file=@$1;type=text/csv" -F "__RequestVerificationToken=$(token "$work/form")")
  preview=${preview_time% *}
  case "$preview" in */admin/contacts/import/*) ;; *) fail "the upload did not lead to the preview: $(grep -o 'text-danger[^<]*<[^<]*' "$work/preview" | head -3)";; esac
  count() { grep -o "data-count=\"$1\">[0-9]*" "$work/preview" | grep -o '[0-9]*$'; }
  # Every form of a page carries the same token.
  commit_time=$(curl -fs -L -b "$work/admin" -c "$work/admin" "$preview?handler=Confirm" -o "$work/done" -w '%{time_total}' \
    --data-urlencode "__RequestVerificationToken=$(token "$work/preview")")
  grep -q "The import is done." "$work/done" || fail "the confirmation did not show the summary"
  echo "${preview_time##* } $commit_time $(count new) $(count updated)"
}

write_csv "$work/new.csv" Hamburg
write_csv "$work/changed.csv" Bremen
echo "importing $rows rows ($(du -k "$work/new.csv" | cut -f1) KB), then the same rows again with another city…"
read -r p1 c1 n1 u1 < <(import_once "$work/new.csv")
read -r p2 c2 n2 u2 < <(import_once "$work/changed.csv")
stored=$(sqlite3 "$work/data/portal.db" "SELECT COUNT(*) FROM Contacts WHERE City = 'Bremen';")
[ "$stored" -ge "$rows" ] || fail "only $stored contacts were updated"

total1=$(awk -v a="$p1" -v b="$c1" 'BEGIN { printf "%.2f", a + b }')
total2=$(awk -v a="$p2" -v b="$c2" 'BEGIN { printf "%.2f", a + b }')
verdict() { awk -v t="$1" 'BEGIN { print (t <= 10 ? "ok" : "MISSED") }'; }
printf '%-34s %8s %8s %8s %6s\n' "" "preview" "commit" "total" "goal"
printf '%-34s %7.2fs %7.2fs %7.2fs %6s\n' "$rows new rows ($n1 new)" "$p1" "$c1" "$total1" "$(verdict "$total1")"
printf '%-34s %7.2fs %7.2fs %7.2fs %6s\n' "$rows matching rows ($u2 updated)" "$p2" "$c2" "$total2" "$(verdict "$total2")"
echo "peak working set: $(peak_mb "$app") MB"
echo "csv_import_seconds=$total1"
