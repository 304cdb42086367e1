#!/usr/bin/env bash
# EVM precompiles against go-ethereum, in nested modules that pin it:
#  - evm/gethvm: hostcrypto's per-fork tables swapped into go-ethereum's EVM,
#    running go-ethereum's precompile test files (the shared vectors beside
#    the clone are required here);
#  - fuzz/geth: differential check of every fork's set against go-ethereum's
#    own tables (vectors, mutations), then a few seconds of each native fuzz
#    target.
# Both modules link go-ethereum, whose crypto/secp256k1 carries its own
# libsecp256k1: they build with -tags gethsecp256k1 so that hostcrypto calls
# that copy instead of linking a second one (internal/libsecp).
set -euo pipefail
tags=-tags=gethsecp256k1
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root/evm/gethvm"
go vet $tags ./...
HOSTCRYPTO_REQUIRE=vectors,libsecp256k1 go test $tags -count=1 ./...
cd "$root/fuzz/geth"
go vet $tags ./...
HOSTCRYPTO_REQUIRE=libsecp256k1 go test $tags -count=1 ./...
for target in FuzzPrecompiles FuzzModexp FuzzForks FuzzModexpForks; do
	../../.ci/fuzz-one.sh . "$target" "${EVM_FUZZTIME:-5s}" $tags
done
