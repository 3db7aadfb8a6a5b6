#!/bin/sh
# The test command: installs what is missing, builds, and runs every test through CTest.
# With --sanitize it then builds everything again with AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan/) and runs the whole suite once more (CI does).
# Usage: scripts/test.sh [--sanitize]
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure --no-tests=error -j 2
if [ "${1:-}" = "--sanitize" ]; then
  GTM_BUILD_DIR=build-asan GTM_SANITIZE=ON scripts/build.sh
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure --no-tests=error -j 2
fi
