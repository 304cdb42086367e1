#!/usr/bin/env bash
# Extra checks of the curve family (curves/, pairing/, pairing/kzg, internal/blst).
set -euo pipefail
cd "$(dirname "$0")/../.."

# In a cgo build on amd64/arm64 the blst backend must be there: a missing
# implementation fails instead of skipping.
arch=$(go env GOARCH)
if [ "$(go env CGO_ENABLED)" = 1 ] && { [ "$arch" = amd64 ] || [ "$arch" = arm64 ]; }; then
	HOSTCRYPTO_REQUIRE=vectors,blst go test -count=1 ./pairing/... ./curves/... ./internal/blst/...
fi

# Differential test against go-ethereum's own precompiles (nested module, so
# go-ethereum stays out of the library's go.mod).
(cd bench/geth && go vet -tags gethsecp256k1 ./... && go test -tags gethsecp256k1 -count=1 -run TestDifferential ./...)
