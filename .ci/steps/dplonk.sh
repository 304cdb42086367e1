#!/usr/bin/env bash
# Extra checks of the dusk-plonk verifier (dusk/dplonk).
set -euo pipefail
cd "$(dirname "$0")/../.."

# Every shared Dusk verdict under V1, V2, V3 (directly and through the CLI's
# `call --jsonl` path), malformed inputs, the Merlin KATs, then a short fuzz
# run of the verifier: no panic and no internal error on any input.
go test -count=1 -run 'TestDuskVectors|TestDuskVectorsJSONL|TestMalformed|TestMerlinVectors' ./dusk/dplonk/
./.ci/fuzz-one.sh ./dusk/dplonk FuzzVerify 20s
./.ci/fuzz-one.sh ./dusk/dplonk FuzzProof 20s
