#!/bin/sh
# The test command: installs what is missing, builds, and runs every test through CTest.
# With --sanitize it then builds everything again with AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan/), with Clang when it is installed (so CI builds with
# both GCC and Clang), and runs the whole suite once more (CI does).
# Usage: scripts/test.sh [--sanitize]
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure --no-tests=error -j 2
if [ "${1:-}" = "--sanitize" ]; then
  # CI asks for Clang (GTM_SANITIZE_CXX=clang++): then its absence is an error, not GCC again.
  if [ -n "${GTM_SANITIZE_CXX:-}" ]; then
    command -v "$GTM_SANITIZE_CXX" >/dev/null 2>&1 || {
      echo "scripts/test.sh: $GTM_SANITIZE_CXX is not installed" >&2
      exit 1
    }
    export CXX="$GTM_SANITIZE_CXX"
  elif command -v clang++ >/dev/null 2>&1; then
    export CXX=clang++
  fi
  GTM_BUILD_DIR=build-asan GTM_SANITIZE=ON scripts/build.sh
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure --no-tests=error -j 2
fi
