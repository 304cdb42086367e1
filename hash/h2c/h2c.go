// Package h2c hashes byte strings to BLS12-381 G1 and G2 with RFC 9380
// hash_to_curve: the BLS12381G1_XMD:SHA-256_SSWU_RO_ and
// BLS12381G2_XMD:SHA-256_SSWU_RO_ suites (expand_message_xmd with SHA-256,
// hash_to_field with count 2, simplified SWU onto the 11-isogenous (G1) or
// 3-isogenous (G2) curve, the isogeny map, point addition, cofactor
// clearing), with the caller's domain separation tag.
//
// Two backends give identical bytes: gnark-crypto (pure Go, always
// available) and blst (cgo; registered unavailable in purego or CGO_ENABLED=0
// builds). The choice is the dispatch primitive "hashtocurve.bls12381".
//
// Outputs use the EIP-2537 encoding: every base-field element is 64 bytes
// big-endian (16 zero bytes then the 48-byte value); a G1 point is x || y
// (128 bytes), a G2 point is x.c0 || x.c1 || y.c0 || y.c1 (256 bytes).
package h2c

import (
	"crypto/sha256"
	"errors"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"

	"github.com/hostcrypto/hostcrypto/dispatch"
)

// Primitive is the dispatch primitive name.
const Primitive = "hashtocurve.bls12381"

const (
	// G1Len and G2Len are the EIP-2537 encoded point sizes.
	G1Len = 128
	G2Len = 256
)

// ErrDST reports an empty domain separation tag (RFC 9380, section 3.1,
// requires a non-empty DST) or an input too short to hold the DST it
// announces.
var ErrDST = errors.New("h2c: missing or truncated domain separation tag")

// useBlst is the dispatch choice, set by OnSelect.
var useBlst bool

func init() {
	dispatch.Register(Primitive, dispatch.Impl{Name: "gnark", Available: true, Priority: 1,
		Note: "gnark-crypto ecc/bls12-381 HashToG1/HashToG2"})
	dispatch.Register(Primitive, dispatch.Impl{Name: "blst", Available: blstAvailable, Priority: 2,
		Note: blstNote})
	dispatch.OnSelect(Primitive, func(impl string) { useBlst = impl == "blst" })
}

// SplitInput splits the host-function input 1-byte DST length || DST || msg.
func SplitInput(in []byte) (dst, msg []byte, err error) {
	if len(in) < 1 || in[0] == 0 || len(in) < 1+int(in[0]) {
		return nil, nil, ErrDST
	}
	n := int(in[0])
	return in[1 : 1+n], in[1+n:], nil
}

// AppendHashToG1 appends the EIP-2537 encoding of hash_to_curve(msg) on G1
// with tag dst (1 to 255 bytes).
func AppendHashToG1(out, msg, dst []byte) ([]byte, error) {
	if len(dst) == 0 || len(dst) > 255 {
		return out, ErrDST
	}
	if useBlst {
		return blstHashToG1(out, msg, dst), nil
	}
	return gnarkHashToG1(out, msg, dst)
}

// AppendHashToG2 appends the EIP-2537 encoding of hash_to_curve(msg) on G2
// with tag dst (1 to 255 bytes).
func AppendHashToG2(out, msg, dst []byte) ([]byte, error) {
	if len(dst) == 0 || len(dst) > 255 {
		return out, ErrDST
	}
	if useBlst {
		return blstHashToG2(out, msg, dst), nil
	}
	return gnarkHashToG2(out, msg, dst)
}

func gnarkHashToG1(out, msg, dst []byte) ([]byte, error) {
	p, err := bls.HashToG1(msg, dst)
	if err != nil {
		return out, err
	}
	// The identity (probability ~2^-255) encodes as all zeros; gnark's
	// affine identity is (0, 0), which gives exactly that.
	out = appendFp(out, &p.X)
	return appendFp(out, &p.Y), nil
}

func gnarkHashToG2(out, msg, dst []byte) ([]byte, error) {
	p, err := bls.HashToG2(msg, dst)
	if err != nil {
		return out, err
	}
	out = appendFp(out, &p.X.A0)
	out = appendFp(out, &p.X.A1)
	out = appendFp(out, &p.Y.A0)
	return appendFp(out, &p.Y.A1), nil
}

// appendFp appends e as 16 zero bytes and its 48-byte big-endian value.
func appendFp(out []byte, e *fp.Element) []byte {
	var pad [16]byte
	b := e.Bytes()
	out = append(out, pad[:]...)
	return append(out, b[:]...)
}

// appendPadded48 appends a 48-byte big-endian value with 16 zero bytes of
// padding.
func appendPadded48(out, b []byte) []byte {
	var pad [16]byte
	out = append(out, pad[:]...)
	return append(out, b[:48]...)
}

// oversizePrefix is RFC 9380 section 5.3.3's prefix for hashing a DST
// longer than 255 bytes.
const oversizePrefix = "H2C-OVERSIZE-DST-"

// ReduceDST returns the tag expand_message_xmd (SHA-256) uses for dst: dst
// itself up to 255 bytes, else SHA-256("H2C-OVERSIZE-DST-" || dst) (RFC
// 9380 section 5.3.3).
func ReduceDST(dst []byte) []byte {
	if len(dst) <= 255 {
		return dst
	}
	h := sha256.New()
	h.Write([]byte(oversizePrefix))
	h.Write(dst)
	return h.Sum(nil)
}

// AppendHashToG1AnyDST is AppendHashToG1 for a DST of any length, as
// arkworks' MapToCurveBasedHasher takes it: an empty DST is used as is
// (DST_prime = I2OSP(0, 1)), one longer than 255 bytes is reduced by
// ReduceDST.
func AppendHashToG1AnyDST(out, msg, dst []byte) []byte {
	dst = ReduceDST(dst)
	if useBlst {
		return blstHashToG1(out, msg, dst)
	}
	out, err := gnarkHashToG1(out, msg, dst)
	if err != nil {
		panic("h2c: internal error: " + err.Error())
	}
	return out
}

// AppendHashToG2AnyDST is AppendHashToG2 for a DST of any length (see
// AppendHashToG1AnyDST).
func AppendHashToG2AnyDST(out, msg, dst []byte) []byte {
	dst = ReduceDST(dst)
	if useBlst {
		return blstHashToG2(out, msg, dst)
	}
	out, err := gnarkHashToG2(out, msg, dst)
	if err != nil {
		panic("h2c: internal error: " + err.Error())
	}
	return out
}
