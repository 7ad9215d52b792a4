#!/usr/bin/env bash
# The back office's dashboard (/admin, adoption at a glance) at 1,000 and at 100,000 contacts, side by side in one run:
# seeds two SQLite databases with bench/Seed (as bench/run.sh does), starts the portal in Release on each, signs in the
# administrator through the real form, and loads each variant with wrk. The dashboard keeps each filter's figures for a
# few seconds, so the page is measured twice: as staff see it (one filter, mostly kept), and with a different date range
# on every request (a Lua script), which counts everything afresh each time — the cost of the queries themselves.
#
#   bash bench/dashboard.sh [seconds] [connections]      (defaults: 10 seconds, 4 connections: two per core)
#
# Needs: the .NET SDK, curl, wrk. Goal: p99 <= 100 ms at 100k. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
seconds=${1:-10}
connections=${2:-4}
warmup=${PORTAL_BENCH_WARMUP:-3}
admin_email=admin@bench.example
admin_password='Bench-Lighthouse-Orchard-77'
customer_email=customer@bench.example
customer_password='Bench-Amber-Falcon-Meadow-19'

fail() { echo "bench: $*" >&2; exit 1; }
[[ $seconds =~ ^[0-9]+$ && $connections =~ ^[0-9]+$ ]] || { echo "usage: bash bench/dashboard.sh [seconds] [connections]" >&2; exit 2; }
command -v wrk >/dev/null || fail "wrk is not installed (Debian: apt-get install -y wrk)"
command -v curl >/dev/null || fail "curl is not installed"
command -v dotnet >/dev/null || fail "the .NET SDK is not installed (dotnet is not on PATH)"

work=$(mktemp -d /tmp/portal-dashboard-bench.XXXXXX)
apps=()
trap 'stop_apps; rm -rf "$work"' EXIT

echo "building (Release)…"
dotnet build src/Web -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the portal does not build"; }
dotnet build bench/Seed -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "bench/Seed does not build"; }

echo "seeding…"
seed small 1000 0
seed large 100000 100000

declare -A base pid
echo "starting the portal on both databases…"
start_app small
start_app large
wait_for_app small
wait_for_app large

declare -A cookie
cookie[small]=$(sign_in_cookie "${base[small]}" "$work/jar-small" "$admin_email" "$admin_password") || fail "signing in failed on small"
cookie[large]=$(sign_in_cookie "${base[large]}" "$work/jar-large" "$admin_email" "$admin_password") || fail "signing in failed on large"

# A company with people, found the way staff find one: the dashboard's company search lists the matches.
company=$(curl -fs -H "Cookie: ${cookie[large]}" "${base[large]}/admin?find=gmbh" | grep -o 'company=[0-9]*' | head -n 1 | cut -d= -f2)
[ -n "$company" ] || fail "no company found on the large database"

# Each request a different date range: nothing is kept between them.
cat >"$work/fresh.lua" <<'LUA'
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  n = id * 4500
end
request = function()
  n = n + 1
  local from = os.date("!%Y-%m-%d", 946684800 + (n % 9000) * 86400)
  return wrk.format("GET", "/admin?period=Between&from=" .. from .. "&to=2026-12-31")
end
LUA

# label | database | path | lua script (empty: the path as it is)
pages=(
  "dashboard, whole portal|small|/admin|"
  "dashboard, whole portal|large|/admin|"
  "dashboard, all time|small|/admin?period=AllTime|"
  "dashboard, all time|large|/admin?period=AllTime|"
  "dashboard, one company|large|/admin?company=$company&period=AllTime|"
  "dashboard, counted afresh|small|/admin|fresh"
  "dashboard, counted afresh|large|/admin|fresh"
)
for entry in "${pages[@]}"; do
  IFS='|' read -r label db path _ <<<"$entry"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${cookie[$db]}" "${base[$db]}$path")
  [ "$status" = 200 ] || fail "$path on the $db database answered $status instead of 200"
done

size() { [ "$1" = small ] && echo 1k || echo 100k; }
declare -A rps p50 p99
echo "measuring: wrk -t2 -c$connections -d${seconds}s --latency per page (after ${warmup}s warm-up)…"
for entry in "${pages[@]}"; do
  IFS='|' read -r label db path script <<<"$entry"
  header="Cookie: ${cookie[$db]}"
  args=(-t2 -c"$connections" --timeout "${seconds}s" -H "$header")
  [ -z "$script" ] || args+=(-s "$work/$script.lua")
  settle_process "${pid[$db]}"
  wrk "${args[@]}" -d"${warmup}s" "${base[$db]}$path" >/dev/null
  wrk "${args[@]}" -d"${seconds}s" --latency "${base[$db]}$path" >"$work/wrk.out"
  if grep -q 'Non-2xx or 3xx responses' "$work/wrk.out"; then cat "$work/wrk.out"; fail "$path on $db answered errors under load"; fi
  key="$label|$db"
  rps[$key]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/wrk.out")
  p50[$key]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$work/wrk.out")")
  p99[$key]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$work/wrk.out")")
  # Requests wrk gave up on are missing from its percentiles: a page with any, or with none finished, has no honest p99.
  if [ "$(awk '/Socket errors:/ { gsub(",", ""); print $NF }' "$work/wrk.out")" != "" ] \
    || [ "$(awk '/requests in/ { print $1 }' "$work/wrk.out")" = 0 ]; then p50[$key]="timeout"; p99[$key]="timeout"; fi
  printf '  %-28s %-5s %8s req/s  p50 %8s ms  p99 %8s ms\n' "$label" "$(size "$db")" "${rps[$key]}" "${p50[$key]}" "${p99[$key]}"
done
stop_apps

echo
echo "Results ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')," \
  "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), wrk -t2 -c$connections -d${seconds}s)"
printf '| %-28s | %8s | %8s | %8s | %8s | %8s | %8s |\n' page "1k req/s" "1k p50" "1k p99" "100k req/s" "100k p50" "100k p99"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..30})" "----------" "----------" "----------" "----------" "----------" "----------"
for label in "dashboard, whole portal" "dashboard, all time" "dashboard, one company" "dashboard, counted afresh"; do
  printf '| %-28s | %8s | %8s | %8s | %8s | %8s | %8s |\n' "$label" "${rps[$label|small]:--}" "${p50[$label|small]:--}" \
    "${p99[$label|small]:--}" "${rps[$label|large]:--}" "${p50[$label|large]:--}" "${p99[$label|large]:--}"
done
echo
for label in "dashboard, whole portal" "dashboard, counted afresh"; do
  verdict=MISSED
  if [[ ${p99[$label|large]} =~ ^[0-9.]+$ ]] && awk -v v="${p99[$label|large]}" 'BEGIN { exit !(v <= 100) }'; then verdict=ok; fi
  printf '  %-40s p99 at 100k %8s ms  (goal <= 100)  %s\n' "$label" "${p99[$label|large]}" "$verdict"
done
