#!/usr/bin/env bash
# The C, Rust and AssemblyScript contract SDKs (guest/c, guest/rust,
# guest/assemblyscript): install Debian's clang, lld, rustc (1.63) with the
# wasm32 standard library and the pinned AssemblyScript compiler from npm,
# build each example contract from source with the commands its README
# gives, run it under `hostcrypto run` and check its result (0: every check
# against the specifications' values passed), then run the Go tests that do
# the same with HOSTCRYPTO_REQUIRE=sdk (no skipping).
set -euo pipefail
cd "$(dirname "$0")/../.."

export DEBIAN_FRONTEND=noninteractive
pkgs="clang lld rustc libstd-rust-dev-wasm32"
missing=""
for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
# The machine image ships Node.js with npm; Debian's otherwise.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
if [ -n "$missing" ]; then
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq $missing >/dev/null
fi
dpkg-query -W $pkgs
node --version
(cd guest/assemblyscript && npm ci --no-audit --no-fund)

# Debian's rustc, also when a rustup toolchain comes first on PATH: the crate
# must build with 1.63.
RUSTC=/usr/bin/rustc
"$RUSTC" --version
clang --version | head -1
(cd guest/assemblyscript && npx asc --version)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# C (guest/c/README.md).
clang --target=wasm32 -O2 -ffreestanding -nostdlib -Wall -Wextra -Werror -I guest/c \
	-Wl,--no-entry -o "$out/c.wasm" guest/c/examples/contract.c

# Rust (guest/rust/README.md, plain rustc).
"$RUSTC" --edition 2021 --crate-type rlib --crate-name hostcrypto_guest --target wasm32-unknown-unknown \
	-O -D warnings -o "$out/libhostcrypto_guest.rlib" guest/rust/src/lib.rs
"$RUSTC" --edition 2021 --crate-type cdylib --crate-name contract --target wasm32-unknown-unknown \
	-O -C panic=abort -C strip=symbols -D warnings \
	--extern hostcrypto_guest="$out/libhostcrypto_guest.rlib" -o "$out/rust.wasm" guest/rust/examples/contract.rs

# AssemblyScript (guest/assemblyscript/README.md).
(cd guest/assemblyscript && npm run --silent build:example && cp build/contract.wasm "$out/as.wasm")

go build -o "$out/hostcrypto" ./cmd/hostcrypto
for c in c rust as; do
	res=$("$out/hostcrypto" run "$out/$c.wasm" run --gas 100000000)
	echo "$c: $res" | head -1
	if [ "$(echo "$res" | head -1)" != "result [0]" ]; then
		echo "$c example: want result [0] (non-zero: bit mask of failed checks):"; echo "$res"; exit 1
	fi
done

# The premise benchmark's contract (built and checked by go test ./bench/guest/).
GOOS=wasip1 GOARCH=wasm go vet ./bench/guest/...

HOSTCRYPTO_REQUIRE=sdk HOSTCRYPTO_RUSTC="$RUSTC" go test -count=1 -run 'Example|UpToDate|SDK' ./guest/ ./internal/guestgen/
