#!/bin/sh
# Runs one libFuzzer target for a while: builds build-fuzz/ with clang (ASan + UBSan + coverage),
# seeds a scratch corpus from the golden cases, formatter tests, examples and fuzz seeds, and
# writes any crash into fuzz-out/TARGET/. Keep each crash as a regression:
#   cp fuzz-out/TARGET/crash-* tests/fuzz/regressions/TARGET/   (replayed by CTest)
# Usage: scripts/fuzz.sh parse|check|fmt|lsp|lookahead SECONDS [libFuzzer flags...]
set -eu
target=$1
seconds=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
out=$root/fuzz-out/$target

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DGTM_FUZZ=ON -DGTM_TESTS=OFF -DGTM_WERROR=OFF >/dev/null
fi
cmake --build "$build" --target "${target}_fuzzer"

mkdir -p "$out/corpus" "$out/seeds"
if [ "$target" = lsp ]; then
  dict=$root/tests/fuzz/lsp.dict
  cp "$root"/tests/fuzz/seeds/lsp/* "$out/seeds/"
elif [ "$target" = lookahead ]; then
  dict=$root/tests/fuzz/gtm.dict
  cp "$root"/tests/fuzz/seeds/lookahead/* "$out/seeds/"
else
  dict=$root/tests/fuzz/gtm.dict
  find "$root/tests/golden" "$root/tests/fmt" "$root/examples" -name '*.gtm' |
    while read -r file; do cp "$file" "$out/seeds/$(echo "$file" | md5sum | cut -c1-16).gtm"; done
fi
cp "$root/tests/fuzz/regressions/$target"/* "$out/seeds/" 2>/dev/null || true

# The first corpus directory receives new inputs; the seeds stay as they are.
"$build/tests/fuzz/${target}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -dict="$dict" -artifact_prefix="$out/" -print_final_stats=1 "$@" \
  "$out/corpus" "$out/seeds"
