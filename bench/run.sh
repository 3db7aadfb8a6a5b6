#!/bin/sh
# The benchmark: gtmlint against what people would use instead (a hand-written Python checker,
# jq, and Spectral when bench/node_modules has it: `npm ci` in bench/), on generated workspaces
# of N fields with planted violations. Every tool's counts are checked against the planted ones,
# so a fast wrong answer cannot win. Then two shapes of workspace on gtmlint alone (one routing of
# 500 rules; 10,000 people, reference-heavy) and, when tests/integration has its npm packages,
# the language server's re-check after a one-character edit at 10,000 fields. Prints Markdown
# tables (median of 5 runs, peak memory, throughput) and, with gnuplot, draws bench/results.png.
# Usage: bench/run.sh [N...]   (default: 1000 10000 100000)
# SPECTRAL_MAX (default 100000): the largest N Spectral runs on (at 1,000,000 fields it needs
# minutes and gigabytes).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gtmlint=${GTMLINT:-$here/../build/cli/gtmlint}
python=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}  # Debian's: no pyenv shim start-up
data=$here/data
mkdir -p "$data"
today=2026-11-23
spectral=$here/node_modules/.bin/spectral
spectral_max=${SPECTRAL_MAX:-100000}
sizes=${*:-1000 10000 100000}
results=$here/results.tsv
: > "$results"

median_run() {  # median_run LABEL OUTFILE CMD... -> "seconds peak_kb" (median of 5 timed runs)
  label=$1; out=$2; shift 2
  peak=$(python3 "$here/timed.py" memory "$out" "$@")
  secs=$(for run in 1 2 3 4 5; do python3 "$here/timed.py" time "$out" "$@"; done | sort -n | sed -n 3p)
  echo "$secs $peak"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB; $(date +%F)"
echo
printf '| fields | tool | median (s) | peak (MB) | input (MB) | MB/s | counts |\n|---:|---|---:|---:|---:|---:|---|\n'
for n in $sizes; do
  ws=$data/w$n
  [ -f "$ws.expected.json" ] || python3 "$here/gen_workspace.py" "$ws" "$n"
  expected=$(cat "$ws.expected.json")
  gtm_mb=$(du -sb "$ws" | awk '{ printf "%.1f", $1 / 1048576 }')
  json_mb=$(du -sb "$ws.json" | awk '{ printf "%.1f", $1 / 1048576 }')
  report() {  # report TOOL TIME_AND_PEAK INPUT_MB COUNTS
    set -- "$1" "$2" "$3" "$4"
    secs=${2% *}; peak=${2#* }
    verdict=$(python3 -c 'import json,sys; print("ok" if json.loads(sys.argv[1]) == json.loads(sys.argv[2]) else "WRONG " + sys.argv[1])' "$4" "$expected")
    awk -v n="$n" -v tool="$1" -v s="$secs" -v p="$peak" -v mb="$3" -v v="$verdict" \
      'BEGIN { printf "| %d | %s | %.3f | %.0f | %.1f | %.0f | %s |\n", n, tool, s, p / 1024, mb, (s > 0 ? mb / s : 0), v }'
    printf '%s\t%s\t%s\t%s\n' "$n" "$1" "$secs" "$peak" >> "$results"
  }
  t=$(cd "$ws" && median_run gtmlint "$data/gtmlint.json" "$gtmlint" check --today "$today" --format json)
  report gtmlint "$t" "$gtm_mb" "$(python3 "$here/count_findings.py" "$data/gtmlint.json")"
  t=$(median_run python "$data/python.json" "$python" "$here/peers/check.py" "$ws.json" "$today")
  report python "$t" "$json_mb" "$(cat "$data/python.json")"
  t=$(median_run jq "$data/jq.json" jq -c --arg today "$today" -f "$here/peers/check.jq" "$ws.json")
  report jq "$t" "$json_mb" "$(cat "$data/jq.json")"
  if [ -x "$spectral" ] && [ "$n" -le "$spectral_max" ]; then
    t=$(median_run spectral "$data/spectral.out" "$spectral" lint -q -r "$here/peers/spectral/ruleset.yaml" \
      --format json -o "$data/spectral.json" "$ws.json")
    report spectral "$t" "$json_mb" "$(python3 "$here/peers/spectral/count.py" "$data/spectral.json")"
  fi
done

echo
echo "Other shapes, gtmlint alone (every rule):"
echo
printf '| workspace | median (s) | peak (MB) | findings |\n|---|---:|---:|---:|\n'
shape() {  # shape LABEL DIR
  t=$(cd "$2" && median_run gtmlint "$data/shape.json" "$gtmlint" check --today "$today" --format json)
  findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["diagnostics"]))' "$data/shape.json")
  echo "$t" | awk -v label="$1" -v f="$findings" '{ printf "| %s | %.3f | %.0f | %d |\n", label, $1, $2 / 1024, f }'
}
[ -d "$data/routing500" ] || python3 "$here/gen_routing.py" "$data/routing500" 500
shape "one routing of 500 rules" "$data/routing500"
[ -d "$data/people10000" ] || python3 "$here/gen_workspace.py" "$data/people10000" 10000 10000
shape "10,000 people, 10,000 fields" "$data/people10000"

if [ -d "$here/../tests/integration/node_modules" ]; then
  [ -d "$data/w10000" ] || python3 "$here/gen_workspace.py" "$data/w10000" 10000
  echo
  echo "Language server, 10,000 fields: $(node "$here/lsp_recheck.js" "$gtmlint" "$data/w10000" "$data/w10000/fields0001.gtm")"
fi

if command -v gnuplot >/dev/null 2>&1; then
  gnuplot <<GNUPLOT
set terminal pngcairo size 900,420 font "Sans,10"
set output "$here/results.png"
set title "Five governance checks (gtmlint: every rule), median seconds, log scale; $(date +%F), $(nproc) cores"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y
set ylabel "seconds"
set key top left
set xtics nomirror
plot "< awk -F'\t' '\$2 == \"gtmlint\"' $results" using 3:xtic(1) title "gtmlint", \
     "< awk -F'\t' '\$2 == \"python\"' $results" using 3 title "python (json module)", \
     "< awk -F'\t' '\$2 == \"jq\"' $results" using 3 title "jq", \
     "< awk -F'\t' '\$2 == \"spectral\"' $results" using 3 title "Spectral (custom functions)"
GNUPLOT
  echo
  echo "chart: $here/results.png"
fi
