#!/usr/bin/env bash
# Run every differential fuzz target (or those matching REGEXP) for DURATION.
#   ./fuzz/run.sh 30s
#   ./fuzz/run.sh 5m 'FuzzBls12381'
# New crashers are written to fuzz/testdata/fuzz/<Target>/ by go test; keep
# them (they become regression cases) and fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}
pattern=${2:-.}
targets=$(go test ./fuzz -list '^Fuzz' | grep '^Fuzz' | grep -E "$pattern" || true)
n=0
for t in $targets; do
  n=$((n + 1))
  echo "== $t ($dur)"
  go test ./fuzz -run '^$' -fuzz "^${t}\$" -fuzztime "$dur" -parallel 2
done
echo "ran $n fuzz targets for $dur each"
