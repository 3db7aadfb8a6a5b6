#!/bin/sh
# Hostile workspaces from the command line: each gives diagnostics and exit 1 or 2, never a
# crash (exit > 2 or a signal), a hang, or a read outside the workspace. Covers binary files,
# very long lines, 1,000,000 tiny blocks, FIFOs and directory link loops, files that vanish
# while gtmlint runs, and unreadable files.
# Usage: hostile_test.sh GTMLINT
set -eu
gtmlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Runs gtmlint check in workspace $1 (with a time limit, so a hang fails); the status must be
# $2 and the output must hold $3.
expect() {
  status=0
  (cd "$1" && timeout 60 "$gtmlint" check --today 2026-11-23 ${GTMLINT_ARGS:-}) > "$work/out" 2>&1 ||
    status=$?
  [ "$status" -eq "$2" ] || { cat "$work/out" | head -20; fail "$1: exit $status, expected $2"; }
  grep -q -- "$3" "$work/out" || { head -20 "$work/out"; fail "$1: no \`$3\` in the output"; }
}

new_workspace() {
  mkdir -p "$work/$1"
  : > "$work/$1/gtmlint.gtm"
  echo "$work/$1"
}

# A binary file with a .gtm name: one encoding diagnostic, not thousands of syntax errors.
ws=$(new_workspace binary)
cp "$(command -v sh)" "$ws/program.gtm"
expect "$ws" 1 "error\[encoding\]: binary file: a NUL byte at byte"
[ "$(grep -c 'error\[' "$work/out")" -eq 1 ] || fail "binary: more than one error"

# Garbage without NUL bytes: at most 100 syntax errors, then the rest is skipped.
ws=$(new_workspace garbage)
head -c 200000 /dev/urandom | tr -d '\000' > "$ws/noise.gtm"
expect "$ws" 1 "error\[encoding\]\|error\[syntax\]"

# A 10 MB line with a finding at its end: the snippet is cut around the caret.
ws=$(new_workspace long_line)
{ printf 'person ana { name = "Ana" } '; head -c 10000000 /dev/zero | tr '\000' ' '; printf 'team sdr { lead = anna }\n'; } > "$ws/long.gtm"
expect "$ws" 1 "no person named \`anna\`"
[ "$(wc -c < "$work/out")" -lt 5000 ] || fail "long line: the output is $(wc -c < "$work/out") bytes"

# 1,000,000 tiny blocks over two files.
ws=$(new_workspace many_blocks)
for half in a b; do
  awk -v h=$half 'BEGIN { for (i = 0; i < 500000; i++) printf "tag %s%d {}\n", h, i }' > "$ws/$half.gtm"
done
GTMLINT_ARGS="--select syntax,duplicate-name" expect "$ws" 0 "0 errors"

# A FIFO named .gtm is not a file to read (reading it would block forever); a link from a
# folder to its parent is not followed (no loop).
ws=$(new_workspace special)
mkfifo "$ws/pipe.gtm"
mkdir "$ws/sub" && ln -s .. "$ws/sub/up"
printf 'person ana { name = "Ana" }\n' > "$ws/sub/people.gtm"
expect "$ws" 0 "0 errors"

# Files that appear and vanish while gtmlint runs: any run ends with 0, 1 or 2.
ws=$(new_workspace vanishing)
printf 'person ana { name = "Ana" }\n' > "$ws/people.gtm"
( i=0; while [ $i -lt 400 ]; do
    printf 'team t%d { lead = ana }\n' $i > "$ws/t$((i % 20)).gtm"; rm -f "$ws/t$(((i + 7) % 20)).gtm"
    i=$((i + 1)); done ) &
churn=$!
runs=0
while kill -0 $churn 2>/dev/null && [ $runs -lt 200 ]; do
  status=0; (cd "$ws" && timeout 60 "$gtmlint" check -q > /dev/null 2>&1) || status=$?
  [ "$status" -le 2 ] || fail "vanishing files: exit $status"
  runs=$((runs + 1))
done
wait $churn

# A file gtmlint may not read: reported as file-skipped (needs a user other than root).
ws=$(new_workspace unreadable)
printf 'person ana { name = "Ana" }\n' > "$ws/secret.gtm"
chmod 000 "$ws/secret.gtm"
chmod 755 "$work" "$ws"
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
  status=0
  (cd "$ws" && setpriv --reuid=nobody --regid=nogroup --clear-groups "$gtmlint" check) > "$work/out" 2>&1 || status=$?
  [ "$status" -eq 1 ] || fail "unreadable: exit $status"
  grep -q "error\[file-skipped\]: the file was not read: Permission denied" "$work/out" ||
    { cat "$work/out"; fail "unreadable: not reported"; }
fi
echo "hostile inputs: ok ($runs runs while files vanished)"
