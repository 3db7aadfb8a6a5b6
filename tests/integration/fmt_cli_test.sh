#!/bin/sh
# `gtmlint fmt` from the command line: rewriting in place (atomically, keeping permissions),
# --check, --diff, standard input, and files with syntax errors left untouched.
# Usage: fmt_cli_test.sh GTMLINT
set -eu
gtmlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }

printf 'person dana {name="Dana"}\nsystem salesforce {\nkind=crm\n  owner   = dana # the owner\n}\n' > messy.gtm
printf 'person ana { name = "Ana" }\n' > clean.gtm
printf 'person ben { name "Ben" }\n' > broken.gtm
chmod 640 messy.gtm
cp messy.gtm messy.orig
cp broken.gtm broken.orig

# --check lists what would change and changes nothing.
status=0; "$gtmlint" fmt --check messy.gtm clean.gtm > check.out 2> check.err || status=$?
[ "$status" -eq 1 ] || fail "--check exit status $status"
[ "$(cat check.out)" = "messy.gtm" ] || fail "--check listed: $(cat check.out)"
cmp -s messy.gtm messy.orig || fail "--check changed the file"

# --diff prints a unified diff and changes nothing.
status=0; "$gtmlint" fmt --diff messy.gtm > diff.out 2>/dev/null || status=$?
[ "$status" -eq 1 ] || fail "--diff exit status $status"
grep -qx -- '--- a/messy.gtm' diff.out || fail "no diff header"
grep -qx -- '-kind=crm' diff.out || fail "diff misses a removed line"
grep -qx -- '+  kind  = crm' diff.out || fail "diff misses an added line"
cmp -s messy.gtm messy.orig || fail "--diff changed the file"

# Standard input to standard output.
printf 'team sdr {lead=ana}\n' | "$gtmlint" fmt - > stdin.out
[ "$(cat stdin.out)" = "team sdr { lead = ana }" ] || fail "stdin: $(cat stdin.out)"
status=0; printf 'team sdr {lead ana}\n' | "$gtmlint" fmt - > bad-stdin.out 2> bad-stdin.err || status=$?
[ "$status" -eq 1 ] && [ ! -s bad-stdin.out ] || fail "stdin with a syntax error"
grep -q 'error\[syntax\]' bad-stdin.err || fail "stdin syntax error not reported"

# In place: the messy file is rewritten with its permissions; the broken one is left alone.
status=0; "$gtmlint" fmt . > fmt.out 2> fmt.err || status=$?
[ "$status" -eq 1 ] || fail "fmt with a broken file: exit status $status"
grep -q "broken.gtm:1:19: error\[syntax\]" fmt.err || fail "the syntax error was not reported"
cmp -s broken.gtm broken.orig || fail "the broken file was changed"
[ "$(stat -c %a messy.gtm)" = 640 ] || fail "permissions not kept"
expected='person dana { name = "Dana" }

system salesforce {
  kind  = crm
  owner = dana  # the owner
}'
[ "$(cat messy.gtm)" = "$expected" ] || fail "formatted: $(cat messy.gtm)"
ls -a | grep -q 'gtmlint-' && fail "a temporary file was left behind"

# Now formatted: --check passes.
rm broken.gtm
"$gtmlint" fmt --check . > /dev/null 2>&1 || fail "--check after formatting"
echo "fmt: --check, --diff, stdin, in-place with permissions, syntax errors untouched"
