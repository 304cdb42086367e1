//go:build cgo && !purego && !gethsecp256k1

package gethvm

// This module links go-ethereum, whose crypto/secp256k1 compiles
// libsecp256k1's C API into the program, and hostcrypto, which in a cgo
// build links its own copy (internal/libsecp): the two would collide at link
// time ("multiple definition of secp256k1_..."). Build with
// -tags gethsecp256k1, under which hostcrypto calls go-ethereum's copy; this
// undefined name makes a build without it fail here, with that hint.
var _ = buildWithTagsGethsecp256k1
