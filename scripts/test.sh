#!/bin/sh
# The test command: installs what is missing, builds, and runs every test through CTest.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure --no-tests=error -j 2
