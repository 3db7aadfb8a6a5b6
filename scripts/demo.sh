#!/bin/sh
# The demo: installs what is missing, builds, and checks the bundled example workspace.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh >/dev/null
status=0
build/cli/gtmlint check --today 2026-11-23 examples/acme || status=$?
echo
echo "(gtmlint exited with status $status: 0 clean, 1 errors found, 2 usage or I/O error)"
