#!/bin/sh
# SARIF from the example workspace (and from a clean one) is valid against the official schema.
# Usage: sarif_test.sh GTMLINT SOURCE_DIR
set -eu
gtmlint=$1
source_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -d "$here/node_modules/ajv" ] && [ -d "$here/node_modules/vscode-languageserver-protocol" ] || (cd "$here" && npm install --no-audit --no-fund --silent >/dev/null)

cd "$source_dir"
status=0
"$gtmlint" check --today 2026-11-23 --format sarif --output "$work/acme.sarif" examples/acme || status=$?
[ "$status" -eq 1 ] || { echo "expected exit status 1 on the example, got $status"; exit 1; }

mkdir "$work/clean" && printf 'person dana { name = "Dana" }\n' > "$work/clean/a.gtm"
(cd "$work/clean" && "$gtmlint" check --format sarif > "$work/clean.sarif")

node "$here/validate_sarif.js" "$work/acme.sarif" "$work/clean.sarif"
# The example's findings all arrive, with notes as relatedLocations.
node -e '
  const log = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  const results = log.runs[0].results;
  if (results.length !== 35) { console.log(`expected 35 results, got ${results.length}`); process.exit(1); }
  if (!results.some((r) => (r.relatedLocations || []).length > 0)) { console.log("no relatedLocations"); process.exit(1); }
  if (!results.every((r) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith("examples/acme/"))) {
    console.log("uris are not relative to the repository root"); process.exit(1);
  }
' "$work/acme.sarif"
