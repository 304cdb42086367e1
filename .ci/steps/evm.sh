#!/usr/bin/env bash
# EVM precompiles against go-ethereum, in nested modules that pin it:
#  - evm/gethvm: hostcrypto's per-fork tables swapped into go-ethereum's EVM,
#    running go-ethereum's precompile test files (the shared vectors beside
#    the clone are required here);
#  - fuzz/geth: differential check of every fork's set against go-ethereum's
#    own tables (vectors, mutations), then a few seconds of each native fuzz
#    target.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root/evm/gethvm"
go vet ./...
HOSTCRYPTO_REQUIRE=vectors go test -count=1 ./...
cd "$root/fuzz/geth"
go vet ./...
go test -count=1 ./...
for target in FuzzPrecompiles FuzzModexp FuzzForks FuzzModexpForks; do
	../../.ci/fuzz-one.sh . "$target" "${EVM_FUZZTIME:-5s}"
done
