module github.com/hostcrypto/hostcrypto

go 1.26.8

require (
	filippo.io/edwards25519 v1.2.0
	github.com/consensys/gnark-crypto v0.22.0
	github.com/decred/dcrd/dcrec/secp256k1/v4 v4.4.1
	github.com/klauspost/cpuid/v2 v2.4.2
	github.com/supranational/blst v0.3.17
	golang.org/x/crypto v0.58.0
	golang.org/x/sys v0.49.0
)

require github.com/bits-and-blooms/bitset v1.25.0 // indirect
