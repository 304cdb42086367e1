#!/usr/bin/env bash
# Signature family: on the CI machine (amd64, cgo available) blst must be
# there, so a silently unavailable blst backend fails instead of skipping;
# the optional libsecp256k1 implementation is installed (Debian package)
# and tested under its build tag; then short differential fuzzing of every
# pair of implementations.
set -euo pipefail
cd "$(dirname "$0")/../.."
HOSTCRYPTO_REQUIRE=vectors,blst go test -count=1 ./sig/...

if ! pkg-config --exists libsecp256k1 2>/dev/null; then
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends libsecp256k1-dev pkg-config
fi
HOSTCRYPTO_REQUIRE=vectors,blst,libsecp256k1 go test -count=1 -tags libsecp256k1 ./sig/...

fuzz() { ./.ci/fuzz-one.sh "./sig/$1" "$2" 10s ${3:-}; }
fuzz bls FuzzBackends
fuzz bls FuzzStructured
fuzz eddsa FuzzRFC8032Impls
fuzz eddsa FuzzBatchAgreesWithSingle
fuzz secp256k1 FuzzImplsAgree -tags=libsecp256k1
fuzz secp256k1 FuzzRecoverVerifies -tags=libsecp256k1
fuzz p256 FuzzImplsAgree
fuzz p256 FuzzRecoverImplsAgree
