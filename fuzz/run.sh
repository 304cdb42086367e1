#!/usr/bin/env bash
# Run every differential fuzz target (or those matching REGEXP) for DURATION.
#   ./fuzz/run.sh 30s
#   ./fuzz/run.sh 5m 'FuzzBls12381'
# New crashers are written to fuzz/testdata/fuzz/<Target>/ by go test; keep
# them (they become regression cases) and fix the bug. .ci/fuzz-one.sh runs
# each target and tells Go 1.26's end-of-run deadline race (golang/go#75804)
# from a real finding.
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}
pattern=${2:-.}
targets=$(go test ./fuzz -list '^Fuzz' | grep '^Fuzz' | grep -E "$pattern" || true)
n=0
for t in $targets; do
  n=$((n + 1))
  echo "== $t ($dur)"
  ./.ci/fuzz-one.sh ./fuzz "$t" "$dur" -parallel 2
done
echo "ran $n fuzz targets for $dur each"
