#!/usr/bin/env bash
# Hashing family extras (the main test runs already cover the vectors):
#  - every hash benchmark runs once, so BenchmarkHash and the Poseidon
#    comparisons keep compiling and running;
#  - the vectors run once more with blst required where cgo is on, so a
#    silently missing blst backend fails instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/../.."
go test -run '^$' -bench . -benchtime 1x ./hash/... >/dev/null
HOSTCRYPTO_REQUIRE=vectors,blst go test -count=1 -run 'HashToCurve|HashToG1Dusk|VectorsThroughCLI' ./hash/
