# Shell pieces the bench scripts share; sourced, not run.

# The antiforgery token of the first form in the saved page $1.
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'; }

# The peak working set (VmHWM) of process $1 so far, in MB.
peak_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
