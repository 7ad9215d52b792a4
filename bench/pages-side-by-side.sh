#!/usr/bin/env bash
# The back office's lists and searches and the customer's documents at 100,000 contacts, for two or more builds of the
# portal alternated on one seeded database, so that a change's effect shows as a ratio on a shared machine: each build in
# turn starts on a fresh copy of the database, signs in the administrator and the bench customer, and loads each page for
# 4 s at 8 connections (warm-up) and then 6 s at 4 connections, printing req/s and p99 (ms) per page.
#
#   bash bench/pages-side-by-side.sh <rounds> <label>=<Portal.Web.dll> <label>=<Portal.Web.dll> […]
#   e.g. git worktree add /tmp/old <commit> && dotnet build /tmp/old/src/Web -c Release
#        dotnet build src/Web -c Release
#        bash bench/pages-side-by-side.sh 3 old=/tmp/old/src/Web/bin/Release/net10.0/Portal.Web.dll \
#                                           new=src/Web/bin/Release/net10.0/Portal.Web.dll
#
# Needs: the .NET SDK, curl, wrk (apt-get install -y wrk). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
admin_email=admin@bench.example
admin_password='Bench-Lighthouse-Orchard-77'
customer_email=customer@bench.example
customer_password='Bench-Amber-Falcon-Meadow-19'

fail() { echo "bench: $*" >&2; exit 1; }
[ $# -ge 3 ] && [[ $1 =~ ^[0-9]+$ ]] || { echo "usage: bash bench/pages-side-by-side.sh <rounds> <label>=<Portal.Web.dll> …" >&2; exit 2; }
command -v wrk >/dev/null || fail "wrk is not installed (Debian: apt-get install -y wrk)"
rounds=$1
shift

work=$(mktemp -d /tmp/portal-pages.XXXXXX)
apps=()
trap 'stop_apps; rm -rf "$work"' EXIT
echo "seeding…"
dotnet build bench/Seed -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "bench/Seed does not build"; }
seed seeded 100000 100000

pages=(admin:/admin/contacts "admin:/admin/contacts?q=muller" "admin:/admin/contacts?q=zoe" admin:/admin/activity admin:/admin/emails
  customer:/my/documents)
declare -A base pid
for round in $(seq 1 "$rounds"); do
  for entry in "$@"; do
    label=${entry%%=*} portal_dll=${entry#*=}
    [ -f "$portal_dll" ] || fail "$portal_dll does not exist"
    rm -rf "$work/run" && cp -r "$work/seeded" "$work/run"
    start_app run
    wait_for_app run
    url=${base[run]}
    declare -A cookie=(
      [admin]=$(sign_in_cookie "$url" "$work/admin.jar" "$admin_email" "$admin_password")
      [customer]=$(sign_in_cookie "$url" "$work/customer.jar" "$customer_email" "$customer_password")
    )
    line="round $round, $label (load $(cut -d' ' -f1 /proc/loadavg)):"
    for page in "${pages[@]}"; do
      who=${page%%:*} path=${page#*:}
      wrk -t2 -c8 -d4s -H "Cookie: ${cookie[$who]}" "$url$path" >/dev/null
      out=$(wrk -t2 -c4 -d6s --latency -H "Cookie: ${cookie[$who]}" "$url$path")
      rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
      p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
      line+=" ${path#/admin/} $rps/s $(to_ms "$p99") ms;"
    done
    echo "$line"
    stop_apps
  done
done
