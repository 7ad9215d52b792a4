#!/usr/bin/env bash
# A signed-in customer's /my against the ASP.NET Core Identity UI template's Manage page, side by side in one run.
#
# Starts Portal (Release, SQLite in a temp folder) and creates a customer through the real pages (the administrator
# grants access, the invitation is accepted); generates `dotnet new webapp --auth Individual` into a temp folder, builds
# it in Release, registers, confirms and signs in a user there. Both apps run in Development (plain-HTTP cookies) with
# warnings-only logging; PORTAL_BENCH_ENVIRONMENT=Production runs both as deployed instead (Secure, __Host- cookies, no
# development-time checks such as the static assets' file lookups on every request). After a warm-up, wrk runs against each app in turn, never both at once, for a few rounds; the
# medians are compared. Each app's working set (VmRSS) is sampled from /proc while the timed runs last.
#
#   bash bench/my-account.sh [seconds] [connections] [rounds]
#
# With PORTAL_BENCH_TRACE=<folder>, one more run of /my is traced with dotnet-trace (CPU samples; `dotnet tool restore`
# first) into <folder>/my.nettrace, and the top frames by exclusive and inclusive time are printed.
# PORTAL_BENCH_TRACE_PROFILE=gc-verbose traces allocations instead (read with bench/Allocations).
# With PORTAL_BENCH_PERF=<folder>, one more run of /my is sampled with Linux perf (`apt-get install linux-perf`) into
# <folder>/my.perf.data, with the runtime writing a map of its compiled code so perf can name .NET frames (and W^X off:
# perf finds that map only for code run from anonymous memory, not from W^X's double mapping). Unlike the
# EventPipe trace, which samples every thread whether it runs or waits, perf samples only what is on a CPU: its top
# symbols are where the CPU time goes. Portal then runs with those two settings for the whole run, timed rounds included.
#
# PORTAL_BENCH_APP_ENV="NAME=value …" starts Portal alone with those environment variables (runtime settings to try
# against the same template run).
#
# The last two lines are for scripts: `my_vs_template_throughput=<ratio>` (req/s of /my over the template's) and
# `my_vs_template_p99=<ratio>` (p99 of /my over the template's). Needs: the .NET SDK, curl, sqlite3, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
seconds=${1:-15}
connections=${2:-32}
rounds=${3:-3}
threads=2
port=${PORTAL_BENCH_PORT:-5099}
template_port=${PORTAL_BENCH_TEMPLATE_PORT:-5098}
environment=${PORTAL_BENCH_ENVIRONMENT:-Development}
# curl talks to "localhost", which it treats as a secure origin: in Production the portal's cookies are Secure and
# __Host- prefixed, and curl keeps them over plain HTTP only for localhost. wrk loads the same app by address.
base="http://localhost:$port"
load_base="http://127.0.0.1:$port"
template_base="http://127.0.0.1:$template_port"
work=$(mktemp -d /tmp/portal-bench.XXXXXX)
admin_password='Bench-Lighthouse-Orchard-77'
customer_password='Bench-Amber-Falcon-Meadow-19'
template_password='Bench-Template-Quartz-41!'
app=''
template=''

for tool in wrk curl sqlite3 dotnet ${PORTAL_BENCH_PERF:+perf}; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 1; }
done

cleanup() {
  for pid in $app $template; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_until_up() {
  for _ in $(seq 1 120); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "$1 did not answer; log:" >&2; tail -n 30 "$2" >&2; exit 1
}
status_of() { curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $2" "$1"; }
now_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# The largest working set (VmRSS) of process $1 while the timed runs last, written to $2 (MB); startup's peak is not in it.
sample_rss() {
  local max=0 now
  while kill -0 "$1" 2>/dev/null; do
    now=$(now_mb "$1"); [ "$now" -gt "$max" ] && { max=$now; echo "$max" >"$2"; }
    sleep 0.5
  done
}

echo "building Portal and the Identity UI template (Release)…"
dotnet build src/Web -c Release -v quiet -nologo >"$work/portal-build.log" 2>&1 || { cat "$work/portal-build.log" >&2; exit 1; }
mkdir "$work/template"
(cd "$work/template" && dotnet new webapp --auth Individual -n BenchTemplate -o . >"$work/template-new.log" 2>&1 \
  && dotnet build -c Release -v quiet -nologo >"$work/template-build.log" 2>&1) \
  || { cat "$work/template-new.log" "$work/template-build.log" >&2 2>/dev/null; exit 1; }

env ${PORTAL_BENCH_PERF:+DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0} ${PORTAL_BENCH_APP_ENV:-} ASPNETCORE_ENVIRONMENT=$environment ASPNETCORE_URLS="$base" \
Portal__DataFolder="$work/data" Portal__Admin__Email=admin@bench.example Portal__Admin__Password="$admin_password" \
Portal__PublicBaseUrl="$base" Logging__LogLevel__Default=Warning \
  dotnet src/Web/bin/Release/net10.0/Portal.Web.dll >"$work/app.log" 2>&1 &
app=$!
(cd "$work/template" && ASPNETCORE_ENVIRONMENT=$environment ASPNETCORE_URLS="$template_base" Logging__LogLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/BenchTemplate.dll >"$work/template.log" 2>&1) &
template=$!
wait_until_up "$base/health/live" "$work/app.log"
wait_until_up "$template_base/" "$work/template.log"

# --- Portal: a customer created through the real pages -------------------------------------------------------------
# A new portal makes administrators set up two-factor sign-in first. The bench is not about that: before anyone signs
# in, the fresh database's setting says no staff must (what Settings -> Security -> "no one" stores).
sqlite3 "$work/data/portal.db" "UPDATE Settings SET RequireStaffTwoFactor = 0;"
curl -fs -c "$work/admin" -b "$work/admin" "$base/account/sign-in" -o "$work/page"
curl -fs -c "$work/admin" -b "$work/admin" "$base/account/sign-in" -o /dev/null \
  --data-urlencode "Input.Email=admin@bench.example" --data-urlencode "Input.Password=$admin_password" \
  --data-urlencode "__RequestVerificationToken=$(token "$work/page")"
# The settings are cached for a few seconds per instance: wait until the back office opens without the 2FA set-up.
for _ in $(seq 1 30); do
  [ "$(curl -s -o "$work/page" -w '%{http_code}' -b "$work/admin" "$base/admin/contacts")" = 200 ] && break
  sleep 0.5
done
contact=$(grep -o 'href="/admin/contacts/[0-9]*"' "$work/page" | head -n 1 | grep -o '[0-9]*' || true)
if [ -z "$contact" ]; then
  # Only Development seeds demo contacts: elsewhere the administrator creates the customer through the contact form.
  curl -fs -c "$work/admin" -b "$work/admin" "$base/admin/contacts/new" -o "$work/page"
  curl -fs -c "$work/admin" -b "$work/admin" "$base/admin/contacts/new" -o /dev/null \
    --data-urlencode "Kind=Person" --data-urlencode "Details.Name=Avery Lindqvist" --data-urlencode "Email=customer@bench.example" \
    --data-urlencode "__RequestVerificationToken=$(token "$work/page")"
  curl -fs -b "$work/admin" "$base/admin/contacts" -o "$work/page"
  contact=$(grep -o 'href="/admin/contacts/[0-9]*"' "$work/page" | head -n 1 | grep -o '[0-9]*' || true)
fi
[ -n "$contact" ] || { echo "the administrator could not open the contacts" >&2; exit 1; }
curl -fs -c "$work/admin" -b "$work/admin" "$base/admin/portal-access?ids=$contact" -o "$work/page"
curl -fs -c "$work/admin" -b "$work/admin" "$base/admin/portal-access?handler=Grant&ids=$contact" -o /dev/null \
  --data-urlencode "contactId=$contact" --data-urlencode "__RequestVerificationToken=$(token "$work/page")"

# The customer takes the link from the pickup folder and sets a password.
for _ in $(seq 1 40); do ls "$work/data/mail-pickup/"*.eml >/dev/null 2>&1 && break; sleep 0.25; done
link=$(grep -ho "$base/invitation/[A-Za-z0-9_-]*" "$work/data/mail-pickup/"*.eml | head -n 1 || true)
[ -n "$link" ] || { echo "no invitation mail was written" >&2; exit 1; }
curl -fs -c "$work/customer" -b "$work/customer" "$link" -o "$work/page"
curl -fs -c "$work/customer" -b "$work/customer" "$link" -o /dev/null \
  --data-urlencode "Input.Password=$customer_password" --data-urlencode "Input.ConfirmPassword=$customer_password" \
  --data-urlencode "__RequestVerificationToken=$(token "$work/page")"
# A signed-in browser sends back the antiforgery cookie it got with the first form, not only the session cookie; without
# it, each app would make and encrypt a new antiforgery cookie token for the forms of every page, as on a first visit.
cookies_named() { awk -v names="$2" 'NF >= 7 && $6 ~ names { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$1"; }
cookie=$(cookies_named "$work/customer" '^(__Host-)?portal[.](session|antiforgery)$')
case "$cookie" in *portal.session=*) ;; *) echo "could not sign the customer in" >&2; exit 1 ;; esac
[ "$(status_of "$base/my" "$cookie")" = 200 ] || { echo "/my answered $(status_of "$base/my" "$cookie")" >&2; exit 1; }

refresh_cookie() {
  curl -fs -c "$work/customer" -b "$work/customer" -o /dev/null "$base/my"
  cookie=$(cookies_named "$work/customer" '^(__Host-)?portal[.](session|antiforgery)$')
}

# --- The template: register, confirm (the page shows the link without an e-mail sender), sign in ---------------------
email=bench@template.example
jar="$work/template-cookies"
curl -fs -c "$jar" -b "$jar" "$template_base/Identity/Account/Register" -o "$work/page"
curl -fs -L -c "$jar" -b "$jar" "$template_base/Identity/Account/Register" -o "$work/page" \
  --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$template_password" \
  --data-urlencode "Input.ConfirmPassword=$template_password" \
  --data-urlencode "__RequestVerificationToken=$(token "$work/page")"
confirm=$(grep -o 'id="confirm-link" href="[^"]*"' "$work/page" | sed 's/.*href="//; s/"$//; s/&amp;/\&/g' || true)
[ -n "$confirm" ] || { echo "the template showed no confirmation link" >&2; exit 1; }
case "$confirm" in http*) ;; *) confirm="$template_base$confirm" ;; esac
curl -fs -c "$jar" -b "$jar" "$confirm" -o /dev/null
curl -fs -c "$jar" -b "$jar" "$template_base/Identity/Account/Login" -o "$work/page"
curl -fs -c "$jar" -b "$jar" "$template_base/Identity/Account/Login" -o /dev/null \
  --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$template_password" \
  --data-urlencode "Input.RememberMe=false" --data-urlencode "__RequestVerificationToken=$(token "$work/page")"
template_cookie=$(cookies_named "$jar" '^[.]AspNetCore[.](Identity[.]Application|Antiforgery[.].*)$')
case "$template_cookie" in *.AspNetCore.Identity.Application=*) ;; *) echo "could not sign in to the template" >&2; exit 1 ;; esac
cookie_names() { tr ';' '\n' <<<"$1" | sed 's/=.*//; s/^ *//' | paste -sd, -; }
echo "cookies sent: Portal $(cookie_names "$cookie"), template $(cookie_names "$template_cookie")"
manage="$template_base/Identity/Account/Manage"
[ "$(status_of "$manage" "$template_cookie")" = 200 ] || { echo "the template's Manage page answered $(status_of "$manage" "$template_cookie")" >&2; exit 1; }

# --- Load ----------------------------------------------------------------------------------------------------------
# Prints "<requests per second> <p99 in ms> <CPU ms per request>" for one wrk run against the app whose process id is $4
# (it runs in a subshell: refresh the cookie before); fails on any answer that is not 2xx/3xx. The CPU time is the
# process's own (user + system, from /proc) over the requests wrk completed: on a machine shared with other work it moves
# far less than req/s and p99 do.
measure() {
  local out cpu_before cpu_after
  cpu_before=$(cpu_ms "$4")
  out=$(wrk -t"$threads" -c"$connections" -d"$2" --latency -H "Cookie: $3" "$1")
  cpu_after=$(cpu_ms "$4")
  if grep -q 'Non-2xx' <<<"$out"; then echo "$1: $(grep 'Non-2xx' <<<"$out")" >&2; exit 1; fi
  awk -v cpu=$((cpu_after - cpu_before)) '/^Requests\/sec:/ { rps = $2 }
       / requests in / { requests = $1 }
       $1 == "99%" { v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
                     p99 = unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : unit == "m" ? v * 60000 : v }
       END { printf "%.1f %.2f %.3f\n", rps, p99, requests ? cpu / requests : 0 }' <<<"$out"
}
# CPU time (user + system) process $1 has used so far, in ms (clock ticks are 1/100 s).
cpu_ms() { awk '{ print ($14 + $15) * 10 }' "/proc/$1/stat"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Both apps get the same warm-up, twice each, in turn: with a single 5 s run the template's first timed round was still
# 2× slower than its later ones (its hot methods were still being recompiled), which favoured /my in the medians.
echo "warming up…"
for _ in 1 2; do
  refresh_cookie; measure "$load_base/my" "${seconds}s" "$cookie" "$app" >/dev/null
  measure "$manage" "${seconds}s" "$template_cookie" "$template" >/dev/null
done

echo "GET /my (Portal) and GET /Identity/Account/Manage (template), signed in, $threads threads, $connections connections,"
echo "${seconds}s each, $rounds rounds, one app at a time:"
: >"$work/my.txt"; : >"$work/template.txt"
sample_rss "$app" "$work/my-rss" & app_sampler=$!
sample_rss "$template" "$work/template-rss" & template_sampler=$!
for round in $(seq 1 "$rounds"); do
  # Portal re-issues an active session's cookie once a minute to restart its idle clock; a browser takes the new one,
  # wrk can't, so take it before each run, or every request of a later run would be re-issued.
  refresh_cookie
  my=$(measure "$load_base/my" "${seconds}s" "$cookie" "$app"); read -r my_rps my_p99 my_cpu <<<"$my"
  other=$(measure "$manage" "${seconds}s" "$template_cookie" "$template"); read -r t_rps t_p99 t_cpu <<<"$other"
  echo "$my_rps $my_p99 $my_cpu" >>"$work/my.txt"; echo "$t_rps $t_p99 $t_cpu" >>"$work/template.txt"
  printf '  round %d (load %s): /my %8.1f req/s p99 %7.2f ms CPU %.3f ms/req | template %8.1f req/s p99 %7.2f ms CPU %.3f ms/req\n' \
    "$round" "$(cut -d' ' -f1 /proc/loadavg)" "$my_rps" "$my_p99" "$my_cpu" "$t_rps" "$t_p99" "$t_cpu"
done
kill "$app_sampler" "$template_sampler"; wait "$app_sampler" "$template_sampler" 2>/dev/null || true
# A session that ended mid-run would have turned into redirects to the sign-in page: make sure it is still valid.
[ "$(status_of "$base/my" "$cookie")" = 200 ] || { echo "the customer's session ended during the run" >&2; exit 1; }

if [ -n "${PORTAL_BENCH_TRACE:-}" ]; then
  mkdir -p "$PORTAL_BENCH_TRACE"
  trace="$(cd "$PORTAL_BENCH_TRACE" && pwd)/my.nettrace"
  dotnet tool run dotnet-trace collect -p "$app" -o "$trace" ${PORTAL_BENCH_TRACE_PROFILE:+--profile "$PORTAL_BENCH_TRACE_PROFILE"} --duration "00:00:00:$(printf '%02d' "$((seconds + 2))")" \
    >"$work/trace.log" 2>&1 &
  tracer=$!
  sleep 1
  refresh_cookie
  measure "$load_base/my" "${seconds}s" "$cookie" "$app" >/dev/null
  wait "$tracer" || { cat "$work/trace.log" >&2; exit 1; }
  echo "trace: $trace — top frames, exclusive then inclusive:"
  dotnet tool run dotnet-trace report "$trace" topN -n 30
  dotnet tool run dotnet-trace report "$trace" topN -n 40 --inclusive
fi

if [ -n "${PORTAL_BENCH_PERF:-}" ]; then
  mkdir -p "$PORTAL_BENCH_PERF"
  perf_data="$(cd "$PORTAL_BENCH_PERF" && pwd)/my.perf.data"
  refresh_cookie
  perf record -F 1999 -g -p "$app" -o "$perf_data" -- sleep "$((seconds - 1))" >"$work/perf.log" 2>&1 &
  recorder=$!
  measure "$load_base/my" "${seconds}s" "$cookie" "$app" >/dev/null
  wait "$recorder" || { cat "$work/perf.log" >&2; exit 1; }
  echo "perf: $perf_data — top symbols by CPU samples (read on with: perf report -i $perf_data):"
  perf report -i "$perf_data" --no-children --sort dso --stdio -g none 2>/dev/null | grep '%' | head -n 12
  perf report -i "$perf_data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep '%' | head -n 60
fi

my_rps=$(cut -d' ' -f1 "$work/my.txt" | median); my_p99=$(cut -d' ' -f2 "$work/my.txt" | median)
t_rps=$(cut -d' ' -f1 "$work/template.txt" | median); t_p99=$(cut -d' ' -f2 "$work/template.txt" | median)
printf 'median  /my      %8.1f req/s  p99 %7.2f ms  working set under load %s MB (peak since start %s MB)\n' \
  "$my_rps" "$my_p99" "$(cat "$work/my-rss")" "$(peak_mb "$app")"
printf 'median  template %8.1f req/s  p99 %7.2f ms  working set under load %s MB (peak since start %s MB)\n' \
  "$t_rps" "$t_p99" "$(cat "$work/template-rss")" "$(peak_mb "$template")"
my_cpu=$(cut -d' ' -f3 "$work/my.txt" | median); t_cpu=$(cut -d' ' -f3 "$work/template.txt" | median)
awk -v a="$my_cpu" -v b="$t_cpu" 'BEGIN { printf "median CPU per request: /my %.3f ms, template %.3f ms (/my over template %.2f)\n", a, b, b ? a / b : 0 }'
echo "targets: throughput ratio >= 2.5, p99 ratio <= 0.33, Portal working set <= 250 MB"
awk -v a="$my_rps" -v b="$t_rps" 'BEGIN { printf "my_vs_template_throughput=%.2f\n", a / b }'
awk -v a="$my_p99" -v b="$t_p99" 'BEGIN { printf "my_vs_template_p99=%.2f\n", a / b }'
