//go:build !cgo || purego || !libsecp256k1

package secp256k1

import dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

// libsecp256k1 is not linked in: build with cgo and -tags libsecp256k1
// (and the system library installed) to register it.
const libsecpAvailable = false

const libsecpNote = "needs cgo, the system libsecp256k1 and -tags libsecp256k1"

func verifyLibsecp(x, y *dsecp.FieldVal, rs, hash []byte) bool {
	panic("secp256k1: internal error: libsecp256k1 not linked in")
}

func recoverLibsecp(dst, hash, rs []byte, rid byte) ([]byte, error) {
	panic("secp256k1: internal error: libsecp256k1 not linked in")
}

func schnorrLibsecp(dst, in []byte) ([]byte, error) {
	panic("secp256k1: internal error: libsecp256k1 not linked in")
}
