// Package p256 declares p256_verify (family "signature"): ECDSA
// verification over NIST P-256 (secp256r1) in the EIP-7951 input layout,
//
//	hash (32) || r (32) || s (32) || qx (32) || qy (32),
//
// answering one byte instead of EIP-7951's 32-byte word. The rules are
// EIP-7951's: r and s in [1, n-1], qx and qy < p, Q on the curve and not
// the point at infinity, and valid iff ([h w]G + [r w]Q).x mod n == r with
// w = s^-1 (FIPS 186-5 section 6.4.2; the hash is used whole, no
// truncation is needed for 32 bytes). Encoding failures return error codes
// (coordinate or scalar out of range: CodeNonCanonical; (0, 0):
// CodeInfinity; off-curve: CodeInvalidPoint); r = 0 or s = 0 and a failed
// equation return 0x00. The arithmetic is Go's crypto/ecdsa.
//
// variants.go adds p256_verify_sec1 and p256_verify_sec1_lows (SEC 1 keys,
// CosmWasm's order) and p256_recover_rid (public-key recovery).
package p256

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"math/big"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// Primitive is the dispatch primitive of p256_verify.
const Primitive = "p256.ecdsa"

var (
	// fieldP is the P-256 base-field prime, big-endian.
	fieldP = []byte{
		0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	// orderN is the P-256 group order, big-endian.
	orderN = []byte{
		0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51}
)

func init() {
	dispatch.Register(Primitive, dispatch.Impl{Name: "stdlib", Available: true, Priority: 20, Note: "crypto/ecdsa"})
	dispatch.Register(Primitive, dispatch.Impl{Name: "gnark", Available: true, Priority: 10,
		Note: "gnark-crypto v0.22.0 ecc/secp256r1 (differential reference)"})
	dispatch.OnSelect(Primitive, func(impl string) { useGnark = impl == "gnark" })
}

// P256Verify is ECDSA verification over NIST P-256 (EIP-7951 rules).
var P256Verify = &core.Func{
	Name: "p256_verify", Family: "signature",
	Input:    "hash (32) || r (32) || s (32) || qx (32) || qy (32) (EIP-7951 layout)",
	Output:   "0x01 valid, 0x00 invalid (EIP-7951 rules)",
	FixedOut: 1, Primitives: []string{Primitive},
	Items:    func([]byte) uint64 { return 1 },
	Examples: p256Examples,
	Run:      run,
}

// Funcs lists the package's host functions.
func Funcs() []*core.Func {
	return []*core.Func{P256Verify,
		P256VerifySEC1, P256VerifySEC1LowS, P256RecoverRid}
}

// useGnark selects the gnark-crypto implementation; crypto/ecdsa is the
// default.
var useGnark bool

func run(dst, in []byte) ([]byte, error) {
	if len(in) != 160 {
		return dst, core.Errorf(core.CodeMalformed, "p256: input is %d bytes, want 160", len(in))
	}
	hash, rb, sb, qx, qy := in[:32], in[32:64], in[64:96], in[96:128], in[128:160]
	if bytes.Compare(rb, orderN) >= 0 || bytes.Compare(sb, orderN) >= 0 {
		return dst, core.Errorf(core.CodeNonCanonical, "p256: r or s >= n")
	}
	if bytes.Compare(qx, fieldP) >= 0 || bytes.Compare(qy, fieldP) >= 0 {
		return dst, core.Errorf(core.CodeNonCanonical, "p256: coordinate >= p")
	}
	if wire.AllZero(qx) && wire.AllZero(qy) {
		return dst, core.Errorf(core.CodeInfinity, "p256: public key is the point at infinity")
	}
	if useGnark {
		q, err := gnarkKey(qx, qy)
		if err != nil {
			return dst, err
		}
		return core.Verdict(dst, !wire.AllZero(rb) && !wire.AllZero(sb) && verifyGnark(&q, hash, rb, sb)), nil
	}
	var enc [65]byte
	enc[0] = 4
	copy(enc[1:], in[96:160])
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), enc[:])
	if err != nil {
		return dst, core.Errorf(core.CodeInvalidPoint, "p256: public key not on the curve")
	}
	if wire.AllZero(rb) || wire.AllZero(sb) {
		return core.Verdict(dst, false), nil
	}
	r := new(big.Int).SetBytes(rb)
	s := new(big.Int).SetBytes(sb)
	return core.Verdict(dst, ecdsa.Verify(pub, hash, r, s)), nil
}
