#!/bin/sh
# Times `gtmlint import sfdx` and then `gtmlint check` on a generated DX project of 10,000 fields
# and a 150-entry Lead assignment rule (bench/gen_sfdx.py). Median of 5 runs, peak memory.
# Usage: bench/import.sh [GTMLINT] [FIELDS] [ENTRIES]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gtmlint=${1:-$here/../build/cli/gtmlint}
fields=${2:-10000}
entries=${3:-150}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/gen_sfdx.py" "$work/project" "$fields" "$entries"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date +%F)"
echo "project: $fields fields, $entries assignment rule entries, $(du -sh "$work/project" | cut -f1) of XML"
median() {  # runs "$@" 5 times; prints the median wall time and peak memory
  times=""
  for run in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1 || true
    times="$times$(tail -n 1 "$work/time")\n"
  done
  printf "$times" | sort -n | sed -n 3p | awk '{ printf "%8.3f s %8.1f MB\n", $1, $2 / 1024 }'
}
printf '%-8s' import; median "$gtmlint" import sfdx "$work/project" --out "$work/ws"
printf '%-8s' check; median "$gtmlint" check --today 2026-12-01 "$work/ws"
"$gtmlint" check --today 2026-12-01 --format json "$work/ws" | python3 -c '
import collections, json, sys
counts = collections.Counter(d["rule"] for d in json.load(sys.stdin)["diagnostics"])
print("findings:", ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())))'
