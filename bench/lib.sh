# Shell pieces the bench scripts share; sourced, not run.

# The antiforgery token of the first form in the saved page $1.
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'; }

# The peak working set (VmHWM) of process $1 so far, in MB.
peak_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# A port nobody listens on: bash's /dev/tcp connects only when something does.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# wrk prints latencies as 812.00us, 1.20ms or 1.05s; everything is reported in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.1f", n }'
}

# Waits until process $1 is idle (under a tenth of a core for half a second; clock ticks are 1/100 s), at most 2 minutes:
# a slow page leaves requests queued after wrk has stopped waiting for them, and the next page would pay for them.
settle_process() {
  local before
  for _ in $(seq 1 240); do
    before=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
    sleep 0.5
    (($(awk '{ print $14 + $15 }' "/proc/$1/stat") - before <= 5)) && return
  done
  echo "  (process $1 is still busy after 2 minutes; measuring anyway)"
}

# Signs in at base URL $1 through the real form (antiforgery token and cookie in jar $2) as $3 with password $4, and prints
# the cookies as one header value.
sign_in_cookie() {
  curl -fs -c "$2" -b "$2" "$1/account/sign-in" -o "$2.page" || return 1
  curl -fs -c "$2" -b "$2" "$1/account/sign-in" -o /dev/null \
    --data-urlencode "Input.Email=$3" --data-urlencode "Input.Password=$4" \
    --data-urlencode "__RequestVerificationToken=$(token "$2.page")" || return 1
  # curl writes HttpOnly cookies as comment-like lines; those are cookies too.
  awk -F '\t' 'NF == 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$2"
}

# Starting the portal on a seeded database, for the scripts that compare sizes side by side. They set work (a temporary
# folder), admin_email, admin_password, customer_email and customer_password, and define fail.
# The app and the seeder read the same settings: the data folder and the configured first administrator
# (a configured password need not be changed at the first sign-in; a generated one must).
portal_env() {
  export ASPNETCORE_ENVIRONMENT=Development Portal__DataFolder="$1" Portal__Admin__Email="$admin_email"
  export Portal__Admin__Password="$admin_password" Logging__LogLevel__Default=Warning
}

seed() { # name contacts history
  (
    portal_env "$work/$1"
    cd "$work"
    BENCH_CUSTOMER_PASSWORD="$customer_password" dotnet "$OLDPWD/bench/Seed/bin/Release/net10.0/Portal.Bench.Seed.dll" \
      --contacts "$2" --history "$3" --customer-login "$customer_email"
  ) >"$work/seed-$1.log" 2>&1 || { cat "$work/seed-$1.log"; fail "seeding the $1 database failed"; }
  echo "  $1: $(tail -n 1 "$work/seed-$1.log")"
}
# start_app and wait_for_app fill the caller's associative arrays base and pid, and its list apps.
start_app() { # name
  local port
  port=$(free_port)
  base[$1]="http://127.0.0.1:$port"
  (
    portal_env "$work/$1"
    export ASPNETCORE_URLS="${base[$1]}" Portal__PublicBaseUrl="${base[$1]}"
    exec dotnet "${portal_dll:-src/Web/bin/Release/net10.0/Portal.Web.dll}"
  ) >"$work/app-$1.log" 2>&1 &
  pid[$1]=$!
  apps+=("$!")
}
# Stops every app start_app started, and waits for each to end.
stop_apps() {
  for app in "${apps[@]}"; do kill "$app" 2>/dev/null || true; done
  for app in "${apps[@]}"; do wait "$app" 2>/dev/null || true; done
  apps=()
}
wait_for_app() { # name
  for _ in $(seq 1 120); do
    curl -fs "${base[$1]}/health/live" >/dev/null 2>&1 && return
    kill -0 "${pid[$1]}" 2>/dev/null || { cat "$work/app-$1.log"; fail "the portal on the $1 database stopped"; }
    sleep 0.5
  done
  cat "$work/app-$1.log"
  fail "the portal on the $1 database did not answer /health/live within 60 s"
}
