#!/usr/bin/env bash
# Signature family: on the CI machine (amd64, cgo available) blst and
# libsecp256k1 (compiled from the erigontech/secp256k1 module's C sources,
# nothing to install) must be there, so a silently unavailable backend fails
# instead of skipping; the pure-Go secp256k1 paths once more without cgo;
# then short differential fuzzing of every pair of implementations.
set -euo pipefail
cd "$(dirname "$0")/../.."
HOSTCRYPTO_REQUIRE=vectors,blst,libsecp256k1 go test -count=1 ./sig/...
HOSTCRYPTO_REQUIRE=vectors CGO_ENABLED=0 go test -count=1 ./sig/secp256k1/

fuzz() { ./.ci/fuzz-one.sh "./sig/$1" "$2" 10s ${3:-}; }
fuzz bls FuzzBackends
fuzz bls FuzzStructured
fuzz eddsa FuzzRFC8032Impls
fuzz eddsa FuzzBatchAgreesWithSingle
fuzz secp256k1 FuzzImplsAgree
fuzz secp256k1 FuzzRecoverVerifies
fuzz p256 FuzzImplsAgree
fuzz p256 FuzzRecoverImplsAgree
