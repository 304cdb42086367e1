#!/usr/bin/env bash
# zk: the Groth16 verifiers run e(A,B)'s Miller loop on a second goroutine
# when GOMAXPROCS > 1; run the vectors again with one P so that the
# sequential path (and its error ordering) is exercised too, and a short
# fuzz smoke of every zk function.
set -euo pipefail
cd "$(dirname "$0")/../.."
GOMAXPROCS=1 go test -count=1 ./zk/...
./.ci/fuzz-one.sh ./zk FuzzZK 15s
