#!/bin/sh
# The language server driven by a real JSON-RPC client (tests/integration/lsp_client.js).
# Usage: lsp_test.sh GTMLINT
set -eu
here=$(cd "$(dirname "$0")" && pwd)
[ -d "$here/node_modules/vscode-languageserver-protocol" ] || (cd "$here" && npm install --no-audit --no-fund --silent >/dev/null)
exec node "$here/lsp_client.js" "$1"
