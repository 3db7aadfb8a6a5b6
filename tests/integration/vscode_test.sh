#!/bin/sh
# The VS Code extension: its TextMate grammar passes vscode-tmgrammar-test on the sample files,
# and it packages into a .vsix with @vscode/vsce, offline once its npm packages are installed.
# Usage: vscode_test.sh SOURCE_DIR
set -eu
extension=$(cd "$1/editors/vscode" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$extension"
[ -d node_modules/@vscode/vsce ] && [ -d node_modules/vscode-tmgrammar-test ] || npm install --no-audit --no-fund --silent >/dev/null
npx --no-install vscode-tmgrammar-test -g syntaxes/gtm.tmLanguage.json 'tests/syntax/*.test.gtm'
npx --no-install vsce package --no-dependencies -o "$work/gtmlint.vsix" < /dev/null > "$work/package.log" 2>&1 ||
  { cat "$work/package.log"; echo "FAIL: packaging"; exit 1; }
for entry in extension/package.json extension/dist/extension.js extension/syntaxes/gtm.tmLanguage.json extension/language-configuration.json; do
  unzip -l "$work/gtmlint.vsix" | grep -q " $entry\$" || { echo "FAIL: $entry is not in the .vsix"; exit 1; }
done
echo "vscode: grammar tests pass; packaged $(wc -c < "$work/gtmlint.vsix") bytes"
