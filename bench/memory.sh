#!/usr/bin/env bash
# The portal's working set at 100,000 contacts under load, for the build as it is and for the runtime settings it
# replaced, side by side in one run: seeds one SQLite database by bulk insert (bench/Seed), then for each configuration
# starts the portal in Release on a copy of it, signs in the administrator and the bench customer, loads the back
# office's lists, a broad search and the customer's pages with wrk one after another, and prints each page's req/s and
# the peak working set (VmHWM) so far. The configurations differ only in environment variables:
#   as built               server GC with background collection (ASP.NET Core's default)
#   workstation GC         DOTNET_gcServer=0
#   workstation, blocking  DOTNET_gcServer=0 DOTNET_gcConcurrent=0
#   ReadyToRun             the same build published with ReadyToRun (the portal and its packages compiled ahead of time,
#                          then tiered up as usual): `dotnet publish src/Web -c Release -r linux-x64 -p:PublishReadyToRun=true`
#
#   bash bench/memory.sh [seconds] [connections]      (defaults: 8 seconds, 32 connections per page)
#
# Needs: the .NET SDK, curl, wrk (apt-get install -y wrk). See bench/README.md, "Memory".
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
seconds=${1:-8}
connections=${2:-32}
admin_email=admin@bench.example
admin_password='Bench-Lighthouse-Orchard-77'
customer_email=customer@bench.example
customer_password='Bench-Amber-Falcon-Meadow-19'

fail() { echo "bench: $*" >&2; exit 1; }
[[ $seconds =~ ^[0-9]+$ && $connections =~ ^[0-9]+$ ]] || { echo "usage: bash bench/memory.sh [seconds] [connections]" >&2; exit 2; }
command -v wrk >/dev/null || fail "wrk is not installed (Debian: apt-get install -y wrk)"

work=$(mktemp -d /tmp/portal-memory.XXXXXX)
apps=()
trap 'stop_apps; rm -rf "$work"' EXIT

echo "building (Release)…"
dotnet build src/Web -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the portal does not build"; }
dotnet build bench/Seed -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "bench/Seed does not build"; }
dotnet publish src/Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/published" -v quiet -nologo \
  >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the portal does not publish with ReadyToRun"; }
echo "seeding…"
seed seeded 100000 100000

configurations=(
  "as built|"
  "workstation GC|DOTNET_gcServer=0"
  "workstation, blocking|DOTNET_gcServer=0 DOTNET_gcConcurrent=0"
  "ReadyToRun|portal_dll=$work/published/Portal.Web.dll"
)
pages=(admin:/admin/contacts "admin:/admin/contacts?q=muller" admin:/admin/activity admin:/admin/emails customer:/my customer:/my/documents)
declare -A base pid peak
echo "measuring: wrk -t2 -c$connections -d${seconds}s per page, each configuration on a fresh process…"
for entry in "${configurations[@]}"; do
  IFS='|' read -r label settings <<<"$entry"
  rm -rf "$work/run" "$work"/*.jar* && cp -r "$work/seeded" "$work/run"
  for setting in $settings; do export "${setting?}"; done
  start_app run
  for setting in $settings; do unset "${setting%%=*}"; done
  wait_for_app run
  app=${pid[run]} url=${base[run]}
  declare -A cookie=(
    [admin]=$(sign_in_cookie "$url" "$work/admin.jar" "$admin_email" "$admin_password")
    [customer]=$(sign_in_cookie "$url" "$work/customer.jar" "$customer_email" "$customer_password")
  )
  line="$label:"
  for page in "${pages[@]}"; do
    who=${page%%:*} path=${page#*:}
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${cookie[$who]}" "$url$path")
    [ "$status" = 200 ] || fail "$path answered $status ($label)"
    rps=$(wrk -t2 -c"$connections" -d"${seconds}s" -H "Cookie: ${cookie[$who]}" "$url$path" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
    line+=" $path $rps/s;"
  done
  peak[$label]=$(peak_mb "$app")
  echo "$line peak ${peak[$label]} MB"
  stop_apps
done
echo
for entry in "${configurations[@]}"; do
  IFS='|' read -r label _ <<<"$entry"
  awk -v l="$label" -v p="${peak[$label]}" -v b="${peak[as built]}" 'BEGIN { printf "%-22s peak working set %4d MB  (%.2f× as built)\n", l, p, p / b }'
done
goal=$([ "${peak[as built]}" -le 250 ] && echo ok || echo MISSED)
echo "peak working set as built: ${peak[as built]} MB (goal <= 250 MB: $goal)"
