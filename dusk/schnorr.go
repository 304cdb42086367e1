package dusk

import (
	fr381 "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/hash"
)

// Dusk's Schnorr signatures on JubJub (dusk-network/jubjub-schnorr 0.7,
// src/keys/public.rs and src/signatures.rs):
//
//	pk = sk*G, G = dusk-jubjub's GENERATOR
//	sig = (u, R), u a JubJub scalar (32 LE, < rJ), R a JubJub point
//	c = Poseidon digest_truncated(Domain::Other, [R.u, R.v, PK.u, PK.v, m]):
//	    the BLS12-381 scalar Hash::digest(Domain::Other, ...)[0] with its top
//	    6 bits cleared (h mod 2^250), as a JubJub scalar
//	valid iff PK and R are on the curve, torsion-free and not the identity,
//	    and u*G + c*PK == R.

// jjScalar checks that a 32-byte little-endian JubJub scalar is < rJ.
func jjScalarCanonical(b []byte) bool {
	for i := 31; i >= 0; i-- {
		if b[i] != jjOrder[i] {
			return b[i] < jjOrder[i]
		}
	}
	return false
}

// schnorrChallenge computes c as 32 little-endian bytes by calling Dusk's
// Poseidon (hash.PoseidonBLS12381Dusk).
func schnorrChallenge(r, pk *jjPoint, msg *[32]byte) ([32]byte, error) {
	var c [32]byte
	f := hash.PoseidonBLS12381Dusk
	in := make([]byte, 0, 5*32)
	for _, p := range []*jjPoint{r, pk} {
		u, v := p.affine()
		var b [32]byte
		fr381.LittleEndian.PutElement(&b, u)
		in = append(in, b[:]...)
		fr381.LittleEndian.PutElement(&b, v)
		in = append(in, b[:]...)
	}
	in = append(in, msg[:]...)
	out, err := core.Execute(f, c[:0], in)
	if err != nil {
		return c, err
	}
	if len(out) != 32 {
		return c, core.Errorf(core.CodeInternal, "dusk: schnorr: %s returned %d bytes", f.Name, len(out))
	}
	copy(c[:], out)
	c[31] &= 0x03 // truncate to 250 bits
	return c, nil
}

// decodeSchnorr splits pk (32) || u (32) || R (32) || msg (32) and decodes
// every part; an identity pk or R is CodeInfinity.
func decodeSchnorr(in []byte) (pk, r jjPoint, u []byte, msg [32]byte, err error) {
	if len(in) != 128 {
		err = core.Errorf(core.CodeMalformed, "dusk: schnorr: input is %d bytes, want 128", len(in))
		return
	}
	if pk, err = decodeJubJub(in[:32]); err != nil {
		return
	}
	u = in[32:64]
	if !jjScalarCanonical(u) {
		err = core.Errorf(core.CodeNonCanonical, "dusk: schnorr: u >= rJ")
		return
	}
	if r, err = decodeJubJub(in[64:96]); err != nil {
		return
	}
	copy(msg[:], in[96:])
	if _, e := fr381.LittleEndian.Element(&msg); e != nil {
		err = core.Errorf(core.CodeNonCanonical, "dusk: schnorr: message scalar >= q")
		return
	}
	if pk.isIdentity() || r.isIdentity() {
		err = core.Errorf(core.CodeInfinity, "dusk: schnorr: identity key or R")
	}
	return
}

// schnorrEquation reports whether u*G + c*PK == R.
func schnorrEquation(pk, r *jjPoint, u, c []byte) bool {
	var a, b jjPoint
	a.scalarMul(&jjGen, u)
	b.scalarMul(pk, c)
	a.add(&a, &b)
	return a.equal(r)
}

// verifySchnorrDusk is schnorr_jubjub_verify_dusk.
func verifySchnorrDusk(in []byte) (bool, error) {
	pk, r, u, msg, err := decodeSchnorr(in)
	if err != nil {
		return false, err
	}
	c, err := schnorrChallenge(&r, &pk, &msg)
	if err != nil {
		return false, err
	}
	return schnorrEquation(&pk, &r, u, c[:]), nil
}

func init() {
	dispatch.Register("jubjub.dusk", dispatch.Impl{Name: "portable", Available: true,
		Note: "own twisted Edwards arithmetic on gnark-crypto bls12-381/fr"})
}

// SchnorrJubJubVerifyDusk is jubjub-schnorr's PublicKey::verify.
var SchnorrJubJubVerifyDusk = &core.Func{
	Name:   "schnorr_jubjub_verify_dusk",
	Family: "dusk",
	Input: "pk (32) || sig (64: u 32 LE || R 32) || msg (32, BLS12-381 scalar LE); JubJub points as v LE " +
		"with the parity of u in bit 255 (ZIP 216), torsion-free; Dusk's generator (dusk-network/jubjub-schnorr 0.7)",
	Output: "0x01 if u*G + c*PK == R with c = Poseidon digest_truncated(Domain::Other, [R.u, R.v, PK.u, PK.v, msg]), " +
		"else 0x00; an identity pk or R is point_at_infinity",
	MaxInput:   128,
	FixedOut:   1,
	Primitives: []string{"jubjub.dusk", "poseidon.bls12381_dusk"},
	Examples:   schnorrExamples,
	Run: func(dst, in []byte) ([]byte, error) {
		ok, err := verifySchnorrDusk(in)
		if err != nil {
			return dst, err
		}
		return core.Verdict(dst, ok), nil
	},
}
