#!/bin/sh
# Configures and builds gtmlint into ./build (ccache is used when present).
# GTM_BUILD_DIR picks another build folder; GTM_SANITIZE=ON builds with ASan + UBSan;
# GTM_WERROR=ON makes warnings errors (CI sets it); CXX picks the compiler.
set -eu
cd "$(dirname "$0")/.."
dir=${GTM_BUILD_DIR:-build}
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGTM_TESTS="${GTM_TESTS:-ON}" \
  -DGTM_SANITIZE="${GTM_SANITIZE:-OFF}" -DGTM_WERROR="${GTM_WERROR:-OFF}" $launcher >/dev/null
cmake --build "$dir" -j 2
