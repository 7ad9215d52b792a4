#!/usr/bin/env bash
# The CPU time (user + sys) one SQLite statement takes, as the mean of N runs in one sqlite3 session after a first run that
# warms the page cache: wall-clock time misleads on a machine shared with builds.
#
#   bash bench/sql-cpu.sh <database> <file.sql> [runs]      (default 30 runs)
set -euo pipefail
db=$1 sql=$2 runs=${3:-30}
{ echo ".timer on"; for _ in $(seq 1 "$runs"); do echo ".output /dev/null"; cat "$sql"; done; } | sqlite3 "$db" 2>&1 \
  | grep "Run Time" | tail -n +2 \
  | awk -v f="$(basename "$sql")" '{ u += $6; s += $8; n++ } END { printf "%-32s %6.2f ms user+sys (%d runs)\n", f, (u + s) * 1000 / n, n }'
