#!/bin/sh
# Times `gtmlint check` on generated routings of increasing size (no fallback, so coverage, gap,
# shadowing and overlap are all computed). Prints the median of 5 runs and the peak memory.
# Usage: bench/routing.sh [GTMLINT]   (default: build/cli/gtmlint)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gtmlint=${1:-$here/../build/cli/gtmlint}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date +%F)"
printf '%8s %12s %12s\n' rules "median (s)" "peak (MB)"
for n in 100 500 1000 2000; do
  python3 "$here/gen_routing.py" "$work/r$n" "$n"
  sed -i 's/  fallback = triage//' "$work/r$n/routing.gtm"
  times=""
  for run in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$gtmlint" check --today 2026-11-23 "$work/r$n" > /dev/null || true
    times="$times$(tail -n 1 "$work/time")\n"
  done
  printf "$times" | sort -n | sed -n 3p | awk -v n="$n" '{ printf "%8d %12.3f %12.1f\n", n, $1, $2 / 1024 }'
done
