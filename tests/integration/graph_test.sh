#!/bin/sh
# `gtmlint graph` output is accepted by Graphviz's dot (Debian's graphviz), whole and focused.
# Usage: graph_test.sh GTMLINT SOURCE_DIR
set -eu
gtmlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v dot >/dev/null || { echo "FAIL: graphviz (dot) is not installed"; exit 1; }
cd "$2/examples/acme"
"$gtmlint" graph --today 2026-11-23 > "$work/map.dot"
dot -Tsvg "$work/map.dot" > "$work/map.svg"
grep -q '<svg' "$work/map.svg" || { echo "FAIL: no SVG"; exit 1; }
grep -q 'routing_inbound_leads' "$work/map.dot" || { echo "FAIL: the routing is missing"; exit 1; }
"$gtmlint" graph --today 2026-11-23 --focus salesforce > "$work/focus.dot"
dot -Tsvg "$work/focus.dot" > /dev/null
[ "$(wc -l < "$work/focus.dot")" -lt "$(wc -l < "$work/map.dot")" ] || { echo "FAIL: --focus did not narrow"; exit 1; }
"$gtmlint" graph --today 2026-11-23 --show fields,tags > "$work/fields.dot"
dot -Tsvg "$work/fields.dot" > /dev/null
grep -q 'read by' "$work/fields.dot" || { echo "FAIL: --show fields drew no readers"; exit 1; }
"$gtmlint" graph --today 2026-11-23 --focus salesforce.lead.industry > "$work/field.dot"
dot -Tsvg "$work/field.dot" > /dev/null
grep -q 'cluster_legend' "$work/map.dot" || { echo "FAIL: no legend"; exit 1; }
"$gtmlint" graph --format mermaid > "$work/map.mmd"
head -1 "$work/map.mmd" | grep -qx 'flowchart LR' || { echo "FAIL: mermaid header"; exit 1; }
echo "graph: dot accepts the map ($(grep -c -- '->' "$work/map.dot") edges)"
