#!/bin/sh
# Configures and builds gtmlint into ./build (ccache is used when present).
# GTM_BUILD_DIR picks another build folder; GTM_SANITIZE=ON builds with ASan + UBSan.
set -eu
cd "$(dirname "$0")/.."
dir=${GTM_BUILD_DIR:-build}
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
# GCC's -Wmaybe-uninitialized misfires inside the standard library under the sanitizers, so
# warnings are not errors in that build (the ordinary build keeps -Werror).
werror=ON
[ "${GTM_SANITIZE:-OFF}" = ON ] && werror=OFF
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGTM_TESTS="${GTM_TESTS:-ON}" \
  -DGTM_SANITIZE="${GTM_SANITIZE:-OFF}" -DGTM_WERROR=$werror $launcher >/dev/null
cmake --build "$dir" -j 2
