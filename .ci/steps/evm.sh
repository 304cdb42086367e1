#!/usr/bin/env bash
# Differential check of the EVM precompile profile (evm/) against
# go-ethereum's own Osaka precompiles, in the nested module fuzz/geth (which
# pins go-ethereum). Runs the vector/mutation test, then a few seconds of
# each native fuzz target.
set -euo pipefail
cd "$(dirname "$0")/../../fuzz/geth"
go test -count=1 ./...
for target in FuzzPrecompiles FuzzModexp; do
	../../.ci/fuzz-one.sh . "$target" "${EVM_FUZZTIME:-5s}"
done
