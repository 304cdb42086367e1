#!/usr/bin/env bash
# Signature family: on the CI machine (amd64, cgo available) blst must be
# there, so a silently unavailable blst backend fails instead of skipping;
# then short differential fuzzing of every pair of implementations.
set -euo pipefail
cd "$(dirname "$0")/../.."
HOSTCRYPTO_REQUIRE=blst go test -count=1 ./sig/...
fuzz() { go test -count=1 -run '^$' -fuzz "^$2\$" -fuzztime 10s "./sig/$1/"; }
fuzz bls FuzzBackends
fuzz bls FuzzStructured
fuzz eddsa FuzzRFC8032Impls
fuzz eddsa FuzzBatchAgreesWithSingle
fuzz secp256k1 FuzzImplsAgree
fuzz secp256k1 FuzzRecoverVerifies
fuzz p256 FuzzImplsAgree
