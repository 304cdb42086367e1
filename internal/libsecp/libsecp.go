// Package libsecp is the libsecp256k1 backend shared by package
// sig/secp256k1 (verification, recovery, BIP-340) and package evm
// (ecrecover): bitcoin-core's libsecp256k1 called through a few lines of our
// own C (glue_cgo.go: one cgo crossing per operation, no C type leaves it).
//
// Where the library comes from depends on the build:
//
//   - cgo on, no purego tag (the default): libsecp256k1 0.7.1 compiled by
//     cgo from the C sources that the Go module
//     github.com/erigontech/secp256k1 v1.3.0 ships (a standalone copy of
//     go-ethereum's crypto/secp256k1 binding), imported for that side
//     effect, as internal/blst does with blst: no system library, and
//     go-ethereum stays out of this module.
//   - -tags gethsecp256k1: nothing is imported; the program must link
//     go-ethereum's crypto/secp256k1 (any program importing
//     go-ethereum/crypto with cgo does), whose libsecp256k1 defines the same
//     C symbols. Both bindings compile the library's API functions as global
//     symbols, so a program that links both fails at the link step with
//     "multiple definition of secp256k1_..."; programs that import
//     go-ethereum build with this tag and share its copy.
//   - no cgo, or -tags purego: Available is false, every function panics
//     and callers never select the backend.
//
// All functions are variable time: they handle public data.
package libsecp

// Note describes the backend for the dispatch registry.
const Note = "libsecp256k1 0.7.1 compiled from its C sources by github.com/erigontech/secp256k1 v1.3.0 (cgo, no system library; -tags gethsecp256k1 uses go-ethereum's copy instead)"
