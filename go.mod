module github.com/hostcrypto/hostcrypto

go 1.26.8

require (
	github.com/klauspost/cpuid/v2 v2.4.2
	github.com/tetratelabs/wazero v1.12.0
	golang.org/x/crypto v0.58.0
	golang.org/x/sys v0.49.0
)

require (
	github.com/bits-and-blooms/bitset v1.25.0 // indirect
	github.com/consensys/gnark-crypto v0.22.0
)
