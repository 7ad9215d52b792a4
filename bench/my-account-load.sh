#!/usr/bin/env bash
# Load test of the hot path: a signed-in customer's /my, with the session's security stamp checked on every
# request. Starts the portal (Release, SQLite in a temp folder), creates a customer through the real pages
# (admin grants access, the invitation is accepted), then runs wrk against /my on 127.0.0.1.
#
#   bash bench/my-account-load.sh [seconds] [connections]
#
# Needs: the .NET SDK, curl, wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-32}
port=${PORTAL_BENCH_PORT:-5099}
base="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/portal-bench.XXXXXX)
admin_password='Bench-Lighthouse-Orchard-77'
customer_password='Bench-Amber-Falcon-Meadow-19'

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }
dotnet build src/Web -c Release -v quiet -nologo >/dev/null

ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" \
Portal__DataFolder="$work/data" Portal__Admin__Email=admin@bench.example Portal__Admin__Password="$admin_password" \
Portal__PublicBaseUrl="$base" Logging__LogLevel__Default=Warning \
  dotnet src/Web/bin/Release/net10.0/Portal.Web.dll >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fs "$base/health/live" >/dev/null && break; sleep 0.5; done

token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'; }

# The administrator signs in and grants the first demo contact access.
curl -fs -c "$work/admin" -b "$work/admin" "$base/account/sign-in" -o "$work/page"
curl -fs -c "$work/admin" -b "$work/admin" "$base/account/sign-in" -o /dev/null \
  --data-urlencode "Input.Email=admin@bench.example" --data-urlencode "Input.Password=$admin_password" \
  --data-urlencode "__RequestVerificationToken=$(token "$work/page")"
curl -fs -b "$work/admin" "$base/admin/contacts" -o "$work/page"
contact=$(grep -o 'href="/admin/contacts/[0-9]*"' "$work/page" | head -n 1 | grep -o '[0-9]*')
curl -fs -c "$work/admin" -b "$work/admin" "$base/admin/portal-access?ids=$contact" -o "$work/page"
curl -fs -c "$work/admin" -b "$work/admin" "$base/admin/portal-access?handler=Grant&ids=$contact" -o /dev/null \
  --data-urlencode "contactId=$contact" --data-urlencode "__RequestVerificationToken=$(token "$work/page")"

# The customer takes the link from the pickup folder and sets a password.
for _ in $(seq 1 40); do ls "$work/data/mail-pickup/"*.eml >/dev/null 2>&1 && break; sleep 0.25; done
link=$(grep -ho "$base/invitation/[A-Za-z0-9_-]*" "$work/data/mail-pickup/"*.eml | head -n 1)
curl -fs -c "$work/customer" -b "$work/customer" "$link" -o "$work/page"
curl -fs -c "$work/customer" -b "$work/customer" "$link" -o /dev/null \
  --data-urlencode "Input.Password=$customer_password" --data-urlencode "Input.ConfirmPassword=$customer_password" \
  --data-urlencode "__RequestVerificationToken=$(token "$work/page")"
cookie=$(awk '$6 ~ /portal.session/ { print $6 "=" $7 }' "$work/customer")
[ -n "$cookie" ] || { echo "could not sign the customer in"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/my")
[ "$status" = 200 ] || { echo "/my answered $status"; exit 1; }

echo "warming up…"
wrk -t2 -c"$connections" -d5s -H "Cookie: $cookie" "$base/my" >/dev/null
echo "GET /my as a signed-in customer, $connections connections, ${seconds}s:"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$base/my"
