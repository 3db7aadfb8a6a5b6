#!/bin/sh
# `gtmlint import sfdx` end to end: the fixture DX project (tests/import/fixture) must import to
# exactly tests/import/expected/ (the .gtm files and the summary), and `gtmlint check` on the
# result must report exactly tests/import/expected_check.txt (the real problems the metadata
# holds). Then the real sample projects in ../shared/data/sfdx, when present, must import and
# check without a crash. UPDATE=1 rewrites the expected files.
# Usage: import_test.sh GTMLINT SOURCE_DIR
set -eu
gtmlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
expected=$source_dir/tests/import/expected
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$work"

"$gtmlint" import sfdx "$source_dir/tests/import/fixture" --out ws > summary.txt ||
  fail "import exited $?"
cp summary.txt ws/
status=0
"$gtmlint" check --today 2026-12-01 --format json ws > check.json || status=$?
[ "$status" -eq 1 ] || fail "check exited $status"
node -e '
  const report = JSON.parse(require("fs").readFileSync("check.json", "utf8"));
  for (const d of report.diagnostics)
    console.log(`${d.file}:${d.line}:${d.column}: ${d.severity}[${d.rule}]: ${d.message}`);
' > check.txt

if [ "${UPDATE:-0}" = 1 ]; then
  rm -rf "$expected" && cp -r ws "$expected" && cp check.txt "$source_dir/tests/import/expected_check.txt"
  echo "updated $expected"
  exit 0
fi
diff -ru "$expected" ws || fail "the imported workspace differs from tests/import/expected"
diff -u "$source_dir/tests/import/expected_check.txt" check.txt || fail "check reports differ"

# Importing again over the same folder gives the same files (atomic replacement, stable order).
"$gtmlint" import sfdx "$source_dir/tests/import/fixture" --out ws > /dev/null
cp summary.txt ws/
diff -ru "$expected" ws > /dev/null || fail "a second import differs"

# Bad input: not a folder, a missing subcommand, an unknown option.
status=0; "$gtmlint" import sfdx "$work/nothing" > /dev/null 2> err.txt || status=$?
[ "$status" -eq 2 ] && grep -q "is not a folder" err.txt || fail "missing project: exit $status"
status=0; "$gtmlint" import > /dev/null 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "no subcommand: exit $status"
status=0; "$gtmlint" import sfdx . --bogus > /dev/null 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "unknown option: exit $status"

# The real sample projects, when ../shared is beside the repository.
for project in "$source_dir"/../shared/data/sfdx/*/; do
  [ -f "$project/sfdx-project.json" ] || continue
  name=$(basename "$project")
  "$gtmlint" import sfdx "$project" --out "real-$name" > "real-$name.txt" || fail "$name: import"
  status=0; "$gtmlint" check --today 2026-12-01 "real-$name" > "real-$name.check" || status=$?
  [ "$status" -eq 1 ] || fail "$name: check exited $status"
  echo "$name: $(head -1 "real-$name.txt")"
done
echo "import: ok"
