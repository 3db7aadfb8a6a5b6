#!/bin/sh
# Configures and builds gtmlint into ./build (ccache is used when present).
set -eu
cd "$(dirname "$0")/.."
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGTM_TESTS="${GTM_TESTS:-ON}" $launcher >/dev/null
cmake --build build -j 2
