// Package libsecp is the libsecp256k1 backend shared by package
// sig/secp256k1 (verification, recovery, BIP-340) and package evm
// (ecrecover): bitcoin-core's libsecp256k1 0.7.1, compiled by cgo from the C
// sources that the Go module github.com/erigontech/secp256k1 (v1.3.0, a
// standalone copy of go-ethereum's crypto/secp256k1 binding) ships, so no
// system library is needed and go-ethereum stays out of this module.
//
// Available reports whether this build has it (cgo on, no purego tag);
// without it every function panics and callers never select it. All
// functions are variable time: they handle public data.
package libsecp

// Note describes the backend for the dispatch registry.
const Note = "libsecp256k1 0.7.1 compiled from its C sources by github.com/erigontech/secp256k1 v1.3.0 (cgo, no system library)"
