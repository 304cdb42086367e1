#!/usr/bin/env bash
# Field layer checks beyond the main test runs (issue 7):
#  1. the generator modules are formatted and vetted (that the generated
#     code is reproducible, for these and every other generator, is
#     internal/gencheck's test, part of `go test ./...`);
#  2. every kernel this CPU supports is required (missing = failure, not skip);
#  3. the arm64 kernels run for real under qemu-user.
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "== field: generator modules"
gofmt -l field asm_amd64 asm_arm64 | tee /dev/stderr | (! read -r)
(cd asm_amd64 && go vet .)
(cd asm_arm64 && go vet .)

echo "== field: all kernels this CPU has are required"
req=""
flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
if [ "$(uname -m)" = x86_64 ]; then
	req="mulq"
	if grep -qw adx <<<"$flags" && grep -qw bmi2 <<<"$flags"; then req="$req,adx"; fi
	if grep -qw avx512ifma <<<"$flags" && grep -qw avx512f <<<"$flags"; then req="$req,ifma"; fi
fi
HOSTCRYPTO_REQUIRE="$req" go test -count=1 ./field/...
HOSTCRYPTO_BACKEND=portable go test -count=1 ./field/...

echo "== field: arm64 under qemu"
if ! command -v qemu-aarch64-static >/dev/null; then
	if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
	$SUDO apt-get update -qq
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-user-static
fi
GOARCH=arm64 HOSTCRYPTO_REQUIRE=arm64 go test -count=1 -exec qemu-aarch64-static ./field/...
GOARCH=arm64 go test -count=1 -tags purego -exec qemu-aarch64-static ./field/...
echo "== field: ok"
