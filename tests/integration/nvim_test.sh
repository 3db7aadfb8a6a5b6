#!/bin/sh
# Headless Neovim (Debian's 0.7) with editors/nvim: the .gtm filetype is detected, the language
# server starts, and the diagnostics of the example's routing reach vim.diagnostic.
# Usage: nvim_test.sh GTMLINT SOURCE_DIR
set -eu
gtmlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
command -v nvim >/dev/null || { echo "FAIL: neovim is not installed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source_dir/examples/acme" "$work/acme"
cd "$work/acme"
OUT="$work/diagnostics.json" GTMLINT="$gtmlint" FILE="$work/acme/routing.gtm" GTMLINT_TODAY=2026-11-23 \
  HOME="$work" timeout 60 nvim --headless --clean --cmd "set rtp^=$source_dir/editors/nvim" \
  -c "luafile $source_dir/tests/integration/nvim_lsp.lua"
cat "$work/diagnostics.json"; echo
grep -Eq '"filetype": ?"gtm"' "$work/diagnostics.json" || { echo "FAIL: filetype not detected"; exit 1; }
grep -Eq '"code": ?"owner-departed"' "$work/diagnostics.json" || { echo "FAIL: no owner-departed diagnostic"; exit 1; }
grep -Eq '"code": ?"routing-overlap"' "$work/diagnostics.json" || { echo "FAIL: no routing-overlap diagnostic"; exit 1; }
grep -q 'First-match assignment rules' "$work/diagnostics.json" || { echo "FAIL: hover on the kind keyword"; exit 1; }
grep -Eq '"departed": ?\[[^]]*"raj"' "$work/diagnostics.json" || { echo "FAIL: completion does not mark raj as departed"; exit 1; }
echo "nvim: diagnostics, kind hover and departed completion received through vim.lsp"
