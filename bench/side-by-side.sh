#!/usr/bin/env bash
# Runs one bench script against an older commit and against the working tree, alternating, so that both see the same load
# on a shared machine and their ratio means something even when the absolute figures don't.
#
#   bash bench/side-by-side.sh <old-commit> <script> [rounds] [script arguments…]
#   e.g. bash bench/side-by-side.sh 01f97ec outbox-dispatch.sh 2 5000
#
# <old-commit> may also be a folder holding an earlier export (already built, to spare a build); it is left in place.
#
# The old commit is exported (git archive) into a folder under /tmp and gets this tree's bench/ folder, so both run the same
# script, seeding and SMTP sink; each script builds its own tree in Release. Every run's output goes to the terminal,
# prefixed with the code it measured, together with the load average before the run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: $0 <old-commit> <script> [rounds] [script arguments…]" >&2; exit 2; }
old=$1 script=$2 rounds=${3:-2}
shift $(($# >= 3 ? 3 : 2))
if [ -d "$old" ]; then
  old_tree=$(cd "$old" && pwd)
else
  old_tree=$(mktemp -d /tmp/portal-old.XXXXXX)
  trap 'rm -rf "$old_tree"' EXIT
  git archive "$old" | tar -x -C "$old_tree"
fi
rm -rf "$old_tree/bench" && cp -r bench "$old_tree/bench"
rm -rf "$old_tree"/bench/*/bin "$old_tree"/bench/*/obj

for round in $(seq 1 "$rounds"); do
  for side in old new; do
    tree=$PWD label="new ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'))"
    [ "$side" = old ] && tree=$old_tree label="old ($old)"
    echo "== round $round, $label, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    bash "$tree/bench/$script" "$@" 2>&1 | sed "s/^/[$side] /"
  done
done
