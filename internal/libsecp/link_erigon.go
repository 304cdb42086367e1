//go:build cgo && !purego && !gethsecp256k1

package libsecp

// The C library: compiled and linked by this binding package.
import _ "github.com/erigontech/secp256k1"
