package dusk

import (
	"bytes"
	"math/big"
	"testing"

	fr381 "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	tedwards "github.com/consensys/gnark-crypto/ecc/bls12-381/twistededwards"

	"github.com/hostcrypto/hostcrypto/core"
)

type schnorrFile struct {
	Signatures []struct {
		SK, PK, Msg, Sig, Challenge, Verdict string
	} `json:"signatures"`
	Tampered []struct {
		Case, PK, Msg, Sig, Verdict string
	} `json:"tampered"`
}

func TestJubJubConstants(t *testing.T) {
	// dusk-jubjub's EDWARDS_D, from_raw limbs (little-endian u64 words).
	want := frHex("2a9318e74bfa2b48" + "f5fd9207e6bd7fd4" + "292d7f6d37579d26" + "01065fd6d6343eb1")
	if !jjD.Equal(&want) {
		t.Fatal("d differs from dusk-jubjub's EDWARDS_D")
	}
	if !jjGen.onCurve() || !jjGen.torsionFree() || jjGen.isIdentity() {
		t.Fatal("generator not a prime-order point")
	}
	// rJ*G = 0 but (rJ-1)*G = -G.
	k := new(big.Int).SetBytes(reverse(jjOrder[:]))
	k.Sub(k, big.NewInt(1))
	var p, q jjPoint
	p.scalarMul(&jjGen, reverse(k.FillBytes(make([]byte, 32))))
	q.add(&p, &jjGen)
	if !q.isIdentity() || p.equal(&jjGen) {
		t.Fatal("(rJ-1)*G + G != 0")
	}
	// A point of order 2, (0, -1), is on the curve but not torsion-free.
	var two jjPoint
	two.v.SetOne()
	two.v.Neg(&two.v)
	two.z.SetOne()
	if !two.onCurve() || two.torsionFree() {
		t.Fatal("(0, -1) misclassified")
	}
	enc := encodeJubJub(&two)
	if _, err := decodeJubJub(enc[:]); core.CodeOf(err) != core.CodeNotInSubgroup {
		t.Fatalf("(0,-1) decoded: %v", err)
	}
}

func reverse(b []byte) []byte {
	out := make([]byte, len(b))
	for i := range b {
		out[len(b)-1-i] = b[i]
	}
	return out
}

// TestSchnorrKeysAndEquation checks, against Dusk's outputs, the curve
// arithmetic alone: pk = sk*G re-encodes to the vector's bytes, and the
// verification equation with the vector's challenge holds for every valid
// signature and fails for the tampered ones with the original challenge.
func TestSchnorrKeysAndEquation(t *testing.T) {
	var v schnorrFile
	loadJSON(t, "jubjub-schnorr.json", &v)
	if len(v.Signatures) != 6 || len(v.Tampered) != 6 {
		t.Fatalf("vector counts %d %d", len(v.Signatures), len(v.Tampered))
	}
	for _, c := range v.Signatures {
		var pk jjPoint
		pk.scalarMul(&jjGen, unhex(t, c.SK))
		enc := encodeJubJub(&pk)
		if !bytes.Equal(enc[:], unhex(t, c.PK)) {
			t.Errorf("sk*G = %x, Dusk pk %s", enc, c.PK)
		}
		in := append(append(unhex(t, c.PK), unhex(t, c.Sig)...), unhex(t, c.Msg)...)
		dpk, r, u, _, err := decodeSchnorr(in)
		if err != nil {
			t.Fatal(err)
		}
		if !schnorrEquation(&dpk, &r, u, unhex(t, c.Challenge)) {
			t.Errorf("u*G + c*PK != R for pk %s", c.PK)
		}
		// Challenge off by one: fails.
		cc := unhex(t, c.Challenge)
		cc[0] ^= 1
		if schnorrEquation(&dpk, &r, u, cc) {
			t.Errorf("equation holds with a wrong challenge")
		}
	}
}

// TestSchnorrChallenge checks the challenge (our truncation over the
// catalogue's poseidon_bls12381_dusk) against Dusk's. It fails, by design,
// when poseidon_bls12381_dusk is not linked (before the hashing branch is
// merged).
func TestSchnorrChallenge(t *testing.T) {
	var v schnorrFile
	loadJSON(t, "jubjub-schnorr.json", &v)
	for _, c := range v.Signatures {
		in := append(append(unhex(t, c.PK), unhex(t, c.Sig)...), unhex(t, c.Msg)...)
		pk, r, _, msg, err := decodeSchnorr(in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := schnorrChallenge(&r, &pk, &msg)
		if err != nil {
			t.Fatalf("challenge: %v", err)
		}
		if !bytes.Equal(got[:], unhex(t, c.Challenge)) {
			t.Errorf("challenge %x, Dusk %s", got, c.Challenge)
		}
	}
}

// TestSchnorrDuskVectors runs the function on all 12 Dusk vectors (needs
// poseidon_bls12381_dusk, see TestSchnorrChallenge).
func TestSchnorrDuskVectors(t *testing.T) {
	var v schnorrFile
	loadJSON(t, "jubjub-schnorr.json", &v)
	run := func(name, pk, sig, msg, verdict string) {
		in := append(append(unhex(t, pk), unhex(t, sig)...), unhex(t, msg)...)
		out, err := call(t, "schnorr_jubjub_verify_dusk", in)
		checkVerdict(t, name, verdict, out, err)
	}
	for _, c := range v.Signatures {
		run("valid/"+c.PK[:8], c.PK, c.Sig, c.Msg, c.Verdict)
	}
	for _, c := range v.Tampered {
		run("tampered/"+c.Case, c.PK, c.Sig, c.Msg, c.Verdict)
	}
}

func TestSchnorrMalformed(t *testing.T) {
	var v schnorrFile
	loadJSON(t, "jubjub-schnorr.json", &v)
	c := v.Signatures[0]
	good := append(append(unhex(t, c.PK), unhex(t, c.Sig)...), unhex(t, c.Msg)...)
	mod := func(f func(b []byte)) []byte {
		b := append([]byte(nil), good...)
		f(b)
		return b
	}
	var qBytes [32]byte
	q := fr381.Modulus()
	copy(qBytes[:], reverse(q.FillBytes(make([]byte, 32))))
	for _, tc := range []struct {
		name string
		in   []byte
		code core.Code
	}{
		{"short", good[:127], core.CodeMalformed},
		{"long", append(append([]byte(nil), good...), 0), core.CodeTooLarge},
		{"u = rJ", mod(func(b []byte) { copy(b[32:64], jjOrder[:]) }), core.CodeNonCanonical},
		{"msg = q", mod(func(b []byte) { copy(b[96:], qBytes[:]) }), core.CodeNonCanonical},
		{"pk v = q", mod(func(b []byte) { copy(b[:32], qBytes[:]) }), core.CodeNonCanonical},
		{"pk identity", mod(func(b []byte) { copy(b[:32], []byte{1}); clear(b[1:32]) }), core.CodeInfinity},
		{"pk identity, sign bit", mod(func(b []byte) { b[0] = 1; clear(b[1:32]); b[31] = 0x80 }), core.CodeNonCanonical},
		{"R v = 2", mod(func(b []byte) { b[64] = 2; clear(b[65:96]) }), 0},
	} {
		out, err := call(t, "schnorr_jubjub_verify_dusk", tc.in)
		if tc.code == 0 {
			// v = 2 is either off the curve or outside the subgroup.
			if c := core.CodeOf(err); c != core.CodeInvalidPoint && c != core.CodeNotInSubgroup {
				t.Errorf("%s: %x %v", tc.name, out, err)
			}
			continue
		}
		if core.CodeOf(err) != tc.code {
			t.Errorf("%s: got %x, %v; want %v", tc.name, out, err, tc.code)
		}
	}
}

// TestJubJubAgainstGnark compares our curve arithmetic with gnark-crypto's
// independent twisted Edwards implementation on the same curve (same a
// and d, checked), from Dusk's generator: k*G for assorted k, and sums.
func TestJubJubAgainstGnark(t *testing.T) {
	params := tedwards.GetEdwardsCurve()
	var minusOne fr381.Element
	minusOne.SetOne()
	minusOne.Neg(&minusOne)
	if !params.A.Equal(&minusOne) || !params.D.Equal(&jjD) {
		t.Fatal("gnark-crypto's bls12-381 twisted Edwards curve is not JubJub")
	}
	if params.Order.Cmp(new(big.Int).SetBytes(reverse(jjOrder[:]))) != 0 {
		t.Fatal("subgroup order differs")
	}
	g := tedwards.NewPointAffine(jjGen.u, jjGen.v)
	var acc jjPoint = jjIdentity()
	var gacc tedwards.PointAffine
	gacc.X.SetZero()
	gacc.Y.SetOne()
	for i := 0; i < 16; i++ {
		k := new(big.Int).Lsh(big.NewInt(int64(i*i+3)), uint(i*15))
		k.Add(k, big.NewInt(int64(0x9e3779b9*i)))
		var p jjPoint
		p.scalarMul(&jjGen, reverse(k.FillBytes(make([]byte, 32))))
		var q tedwards.PointAffine
		q.ScalarMultiplication(&g, k)
		u, v := p.affine()
		if !u.Equal(&q.X) || !v.Equal(&q.Y) {
			t.Fatalf("k*G differs for k = %v", k)
		}
		acc.add(&acc, &p)
		gacc.Add(&gacc, &q)
		u, v = acc.affine()
		if !u.Equal(&gacc.X) || !v.Equal(&gacc.Y) {
			t.Fatalf("running sum differs at %d", i)
		}
	}
}
