// Package ops is the cryptography a contract would otherwise compile into
// itself, written as a contract author would with the usual pure-Go
// libraries (the standard library, golang.org/x/crypto, gnark-crypto,
// decred's secp256k1, go-iden3-crypto) and reading the same input encodings
// as the hostcrypto catalogue functions. The premise benchmark (package
// bench/guest) runs it natively and compiled into a Go wasip1 contract, next
// to the host call.
//
// It validates what the catalogue functions validate (canonical encodings,
// curve and subgroup membership) but reports every rejection as one error:
// only valid inputs are measured, and the benchmark checks that their
// answers equal the host's.
package ops

import (
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"math/big"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfp "github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	bnfp "github.com/consensys/gnark-crypto/ecc/bn254/fp"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"
	"github.com/iden3/go-iden3-crypto/poseidon"
	"golang.org/x/crypto/sha3"
)

// Op is one measured operation: a catalogue function on one of its
// examples (core.Example names).
type Op struct {
	Function, Example string
	Run               func(in []byte) ([]byte, error)
}

// Name is "function/example".
func (o Op) Name() string { return o.Function + "/" + o.Example }

// List is the benchmark's operations; a contract selects one by index.
var List = []Op{
	{"sha256", "32B", Sha256},
	{"sha256", "16KiB", Sha256},
	{"keccak256", "32B", Keccak256},
	{"keccak256", "16KiB", Keccak256},
	{"ed25519_verify", "32B", Ed25519Verify},
	{"secp256k1_recover", "recover", Secp256k1Recover},
	{"bn254_pairing_check", "2pairs", BN254PairingCheck},
	{"bls12381_pairing_check", "2pairs", BLS12381PairingCheck},
	{"bls12381_verify", "32B", BLS12381Verify},
	{"groth16_bn254_verify", "1inputs", Groth16BN254Verify},
	{"poseidon_bn254", "2elems", PoseidonBN254},
}

var errInvalid = errors.New("ops: input rejected")

func verdict(ok bool) []byte {
	if ok {
		return []byte{1}
	}
	return []byte{0}
}

// Sha256 is crypto/sha256.
func Sha256(in []byte) ([]byte, error) {
	h := sha256.Sum256(in)
	return h[:], nil
}

// Keccak256 is x/crypto's legacy Keccak-256.
func Keccak256(in []byte) ([]byte, error) {
	h := sha3.NewLegacyKeccak256()
	h.Write(in)
	return h.Sum(nil), nil
}

// Ed25519Verify is crypto/ed25519 on pk (32) || sig (64) || msg.
func Ed25519Verify(in []byte) ([]byte, error) {
	if len(in) < 96 {
		return nil, errInvalid
	}
	return verdict(ed25519.Verify(in[:32], in[96:], in[32:96])), nil
}

// Secp256k1Recover is decred's RecoverCompact on hash (32) || r (32) ||
// s (32) || v (0, 1, 27 or 28); it returns 0x04 || x || y.
func Secp256k1Recover(in []byte) ([]byte, error) {
	if len(in) != 97 {
		return nil, errInvalid
	}
	v := in[96]
	if v >= 27 {
		v -= 27
	}
	if v > 1 {
		return nil, errInvalid
	}
	var sig [65]byte
	sig[0] = 27 + v
	copy(sig[1:], in[32:96])
	pk, _, err := ecdsa.RecoverCompact(sig[:], in[:32])
	if err != nil {
		return nil, errInvalid
	}
	return pk.SerializeUncompressed(), nil
}

// bnG1 decodes an EIP-197 G1 point (x || y, 32-byte big-endian; all zero
// is infinity).
func bnG1(b []byte) (p bn254.G1Affine, err error) {
	if p.X.SetBytesCanonical(b[:32]) != nil || p.Y.SetBytesCanonical(b[32:64]) != nil {
		return p, errInvalid
	}
	if !p.IsInfinity() && !p.IsOnCurve() {
		return p, errInvalid
	}
	return p, nil
}

// bnG2 decodes an EIP-197 G2 point (x.c1 || x.c0 || y.c1 || y.c0) in the
// r-torsion subgroup.
func bnG2(b []byte) (q bn254.G2Affine, err error) {
	for i, e := range []*bnfp.Element{&q.X.A1, &q.X.A0, &q.Y.A1, &q.Y.A0} {
		if e.SetBytesCanonical(b[32*i:32*i+32]) != nil {
			return q, errInvalid
		}
	}
	if !q.IsInfinity() && (!q.IsOnCurve() || !q.IsInSubGroup()) {
		return q, errInvalid
	}
	return q, nil
}

// BN254PairingCheck is EIP-197's ECPAIRING with gnark-crypto.
func BN254PairingCheck(in []byte) ([]byte, error) {
	if len(in)%192 != 0 {
		return nil, errInvalid
	}
	var ps []bn254.G1Affine
	var qs []bn254.G2Affine
	for i := 0; i < len(in); i += 192 {
		p, err := bnG1(in[i:])
		if err != nil {
			return nil, err
		}
		q, err := bnG2(in[i+64:])
		if err != nil {
			return nil, err
		}
		if p.IsInfinity() || q.IsInfinity() {
			continue
		}
		ps, qs = append(ps, p), append(qs, q)
	}
	if len(ps) == 0 {
		return verdict(true), nil
	}
	ok, err := bn254.PairingCheck(ps, qs)
	if err != nil {
		return nil, err
	}
	return verdict(ok), nil
}

// blsFp decodes a 64-byte EIP-2537 field element (16 zero bytes || 48).
func blsFp(e *blsfp.Element, b []byte) error {
	for _, c := range b[:16] {
		if c != 0 {
			return errInvalid
		}
	}
	if e.SetBytesCanonical(b[16:64]) != nil {
		return errInvalid
	}
	return nil
}

// BLS12381PairingCheck is EIP-2537's PAIRING_CHECK with gnark-crypto.
func BLS12381PairingCheck(in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%384 != 0 {
		return nil, errInvalid
	}
	var ps []bls.G1Affine
	var qs []bls.G2Affine
	for i := 0; i < len(in); i += 384 {
		var p bls.G1Affine
		var q bls.G2Affine
		if blsFp(&p.X, in[i:]) != nil || blsFp(&p.Y, in[i+64:]) != nil {
			return nil, errInvalid
		}
		for j, e := range []*blsfp.Element{&q.X.A0, &q.X.A1, &q.Y.A0, &q.Y.A1} {
			if blsFp(e, in[i+128+64*j:]) != nil {
				return nil, errInvalid
			}
		}
		if !p.IsInfinity() && (!p.IsOnCurve() || !p.IsInSubGroup()) {
			return nil, errInvalid
		}
		if !q.IsInfinity() && (!q.IsOnCurve() || !q.IsInSubGroup()) {
			return nil, errInvalid
		}
		if p.IsInfinity() || q.IsInfinity() {
			continue
		}
		ps, qs = append(ps, p), append(qs, q)
	}
	if len(ps) == 0 {
		return verdict(true), nil
	}
	ok, err := bls.PairingCheck(ps, qs)
	if err != nil {
		return nil, err
	}
	return verdict(ok), nil
}

const popDST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"

// BLS12381Verify is the IETF BLS Verify (minimal-pubkey-size, proof of
// possession DST) with gnark-crypto on pk (48) || sig (96) || msg:
// e(pk, H(msg)) == e(g1, sig).
func BLS12381Verify(in []byte) ([]byte, error) {
	if len(in) < 144 {
		return nil, errInvalid
	}
	var pk bls.G1Affine
	var sig bls.G2Affine
	// SetBytes checks the compressed encoding, the curve and the subgroup.
	if _, err := pk.SetBytes(in[:48]); err != nil || pk.IsInfinity() {
		return nil, errInvalid
	}
	if _, err := sig.SetBytes(in[48:144]); err != nil {
		return nil, errInvalid
	}
	h, err := bls.HashToG2(in[144:], []byte(popDST))
	if err != nil {
		return nil, err
	}
	_, _, g1, _ := bls.Generators()
	var negG1 bls.G1Affine
	negG1.Neg(&g1)
	ok, err := bls.PairingCheck([]bls.G1Affine{pk, negG1}, []bls.G2Affine{h, sig})
	if err != nil {
		return nil, err
	}
	return verdict(ok), nil
}

// Groth16BN254Verify checks a Groth16 proof over BN254 in the catalogue's
// encoding (vk || proof || public inputs, EIP-197 points) with
// gnark-crypto: e(A,B) = e(alpha,beta) e(L,gamma) e(C,delta), L = IC_0 +
// Σ x_i IC_i, as one four-pair pairing check.
func Groth16BN254Verify(in []byte) ([]byte, error) {
	const vkHead = 64 + 3*128
	if len(in) < vkHead+4 {
		return nil, errInvalid
	}
	n := int(in[vkHead])<<24 | int(in[vkHead+1])<<16 | int(in[vkHead+2])<<8 | int(in[vkHead+3])
	if n < 1 || n > 1<<16 || len(in) != vkHead+4+64*n+256+32*(n-1) {
		return nil, errInvalid
	}
	alpha, err := bnG1(in)
	if err != nil {
		return nil, err
	}
	var g2 [3]bn254.G2Affine // beta, gamma, delta
	for i := range g2 {
		if g2[i], err = bnG2(in[64+128*i:]); err != nil {
			return nil, err
		}
	}
	ic := make([]bn254.G1Affine, n)
	off := vkHead + 4
	for i := range ic {
		if ic[i], err = bnG1(in[off:]); err != nil {
			return nil, err
		}
		off += 64
	}
	a, err := bnG1(in[off:])
	if err != nil {
		return nil, err
	}
	b, err := bnG2(in[off+64:])
	if err != nil {
		return nil, err
	}
	c, err := bnG1(in[off+192:])
	if err != nil {
		return nil, err
	}
	off += 256
	var l bn254.G1Jac
	l.FromAffine(&ic[0])
	for i := 1; i < n; i++ {
		var x bnfr.Element
		if x.SetBytesCanonical(in[off:off+32]) != nil {
			return nil, errInvalid
		}
		off += 32
		var t bn254.G1Affine
		var xb big.Int
		t.ScalarMultiplication(&ic[i], x.BigInt(&xb))
		l.AddMixed(&t)
	}
	var la, na, nl, nc bn254.G1Affine
	la.FromJacobian(&l)
	na.Neg(&alpha)
	nl.Neg(&la)
	nc.Neg(&c)
	ok, err := bn254.PairingCheck([]bn254.G1Affine{a, na, nl, nc}, []bn254.G2Affine{b, g2[0], g2[1], g2[2]})
	if err != nil {
		return nil, err
	}
	return verdict(ok), nil
}

// PoseidonBN254 is go-iden3-crypto's (circomlib) Poseidon on n 32-byte
// big-endian scalars.
func PoseidonBN254(in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%32 != 0 || len(in) > 16*32 {
		return nil, errInvalid
	}
	r := bnfr.Modulus()
	xs := make([]*big.Int, len(in)/32)
	for i := range xs {
		xs[i] = new(big.Int).SetBytes(in[32*i : 32*i+32])
		if xs[i].Cmp(r) >= 0 {
			return nil, errInvalid
		}
	}
	h, err := poseidon.Hash(xs)
	if err != nil {
		return nil, err
	}
	var out [32]byte
	h.FillBytes(out[:])
	return out[:], nil
}
