#!/usr/bin/env bash
# Signature family: on the CI machine (amd64, cgo available) blst must be
# there, so a silently unavailable blst backend fails instead of skipping;
# then a short differential fuzz of the BLS backends.
set -euo pipefail
cd "$(dirname "$0")/../.."
HOSTCRYPTO_REQUIRE=blst go test -count=1 ./sig/...
go test -count=1 -run '^$' -fuzz FuzzBackends -fuzztime 15s ./sig/bls/
