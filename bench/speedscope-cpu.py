"""Top frames of a dotnet-trace speedscope file, counting only managed time on CPU (stacks that end in the CPU_TIME
pseudo-frame; waits end in UNMANAGED_CODE_TIME and are left out).

    python3 bench/speedscope-cpu.py trace.speedscope.json [top] [needle ...]

With needles, prints the CPU share of stacks that contain each needle (a substring of a frame name)."""
import json
import sys
from collections import defaultdict


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    needles = sys.argv[3:]
    data = json.load(open(path))
    names = [f["name"] for f in data["shared"]["frames"]]
    inclusive, exclusive, by_needle = defaultdict(float), defaultdict(float), defaultdict(float)
    total = 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and len(stack) > 1 and names[stack[-1]] == "CPU_TIME":
                span = at - last
                total += span
                exclusive[stack[-2]] += span
                for frame in set(stack[:-1]):
                    inclusive[frame] += span
                for needle in needles:
                    if any(needle in names[f] for f in stack):
                        by_needle[needle] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    print(f"CPU time in trace: {total:.0f} ms")
    for title, table in (("exclusive", exclusive), ("inclusive", inclusive)):
        print(f"-- top {top} {title}")
        for frame, span in sorted(table.items(), key=lambda kv: -kv[1])[:top]:
            print(f"{100 * span / total:6.2f}%  {names[frame][:130]}")
    for needle in needles:
        print(f"{100 * by_needle[needle] / total:6.2f}%  stacks with {needle}")


main()
