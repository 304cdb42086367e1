#!/usr/bin/env bash
# Engines and metering:
#  - the metering tests once more with wat2wasm required, so a missing wabt
#    fails instead of skipping;
#  - the wasmtime adapter's nested module (cgo; wasmtime-go ships its static
#    library in the module): vet, its tests and the conformance suite, which
#    runs every guest (edge-case WAT guest, the Go demo, the test guest) on
#    wazero and wasmtime and compares results, host calls, memory, gas and
#    trap kinds;
#  - the metering overhead benchmark, once, so it keeps running, and a few
#    seconds of fuzzing the rewriter.
set -euo pipefail
cd "$(dirname "$0")/../.."
HOSTCRYPTO_REQUIRE=wabt go test -count=1 ./wasmbridge/metering/
go test -run '^$' -bench 'MeteringOverhead' -benchtime 1x ./wasmbridge/ >/dev/null
.ci/fuzz-one.sh ./wasmbridge/metering FuzzInstrument "${METERING_FUZZTIME:-10s}"
cd wasmbridge/wasmtime
go vet ./...
HOSTCRYPTO_REQUIRE=wabt go test -count=1 ./...
go test -run '^$' -bench . -benchtime 1x ./... >/dev/null
