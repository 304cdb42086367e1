package secp256k1

import (
	"bytes"
	"crypto/rand"
	"math/big"
	"testing"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/libsecp"
)

var (
	curveP = dsecp.S256().P
	curveN = dsecp.S256().N
)

func scalar(v *big.Int) (s dsecp.ModNScalar) {
	s.SetByteSlice(new(big.Int).Mod(v, curveN).FillBytes(make([]byte, 32)))
	return s
}

// onCurveX reports whether x^3 + 7 is a square mod p.
func onCurveX(x *big.Int) bool {
	y2 := new(big.Int).Exp(x, big.NewInt(3), curveP)
	y2.Add(y2, big.NewInt(7)).Mod(y2, curveP)
	return new(big.Int).ModSqrt(y2, curveP) != nil
}

// TestSchnorrRecoveryEdges checks the claims schnorrLibsecp's comment rests
// on: px mod n = 0 is no key (x = 0 and x = n are not on the curve), and the
// recovery computes R = s G - e P exactly, against decred's group law, for
// keys below n and at or above n (recovery id 2), for s = 0 (message 0),
// and R at infinity (P = G, s = e: recovery fails, the key is valid, 0x00).
func TestSchnorrRecoveryEdges(t *testing.T) {
	if !dispatchtest.Require(t, "libsecp256k1", libsecp.Available) {
		t.Skip("libsecp256k1 not in this build (needs cgo without purego)")
	}
	// px mod n = 0: x = 0 is no key, x = n is one (n^3 + 7 is a square mod
	// p), and recovery cannot take r' = 0, so that key goes to the portable
	// path.
	if onCurveX(new(big.Int)) {
		t.Fatal("x = 0 is on the curve")
	}
	if !onCurveX(curveN) {
		t.Fatal("x = n is not on the curve (the comment in schnorrLibsecp says it is)")
	}
	one := scalar(big.NewInt(1))
	if _, _, usable := bip340RLibsecp(curveN.FillBytes(make([]byte, 32)), &one, &one); usable {
		t.Fatal("px = n reported usable")
	}

	// Keys: G.x, the two smallest x > n on the curve, and random ones.
	var keys [][]byte
	keys = append(keys, dsecp.S256().Gx.FillBytes(make([]byte, 32)))
	for x := new(big.Int).Add(curveN, big.NewInt(1)); len(keys) < 3; x.Add(x, big.NewInt(1)) {
		if onCurveX(x) {
			keys = append(keys, x.FillBytes(make([]byte, 32)))
		}
	}
	for len(keys) < 8 {
		x, _ := rand.Int(rand.Reader, curveP)
		if onCurveX(x) {
			keys = append(keys, x.FillBytes(make([]byte, 32)))
		}
	}
	for i, pkb := range keys {
		p, err := liftX(pkb)
		if err != nil {
			t.Fatal(err)
		}
		pairs := [][2]*big.Int{{big.NewInt(0), big.NewInt(1)}, {big.NewInt(1), new(big.Int).Sub(curveN, big.NewInt(1))}}
		for range 8 {
			a, _ := rand.Int(rand.Reader, curveN)
			b, _ := rand.Int(rand.Reader, curveN)
			pairs = append(pairs, [2]*big.Int{a, b})
		}
		for _, pr := range pairs {
			s, e := scalar(pr[0]), scalar(pr[1])
			got, ok, usable := bip340RLibsecp(pkb, &s, &e)
			if !usable {
				t.Fatalf("key %d: recovery not usable for e = %x", i, pr[1])
			}
			var sG, eP, want dsecp.JacobianPoint
			ne := e
			ne.Negate()
			dsecp.ScalarBaseMultNonConst(&s, &sG)
			dsecp.ScalarMultNonConst(&ne, p, &eP)
			dsecp.AddNonConst(&sG, &eP, &want)
			if want.Z.IsZero() {
				if ok {
					t.Fatalf("key %d: R at infinity recovered as %x", i, got)
				}
				continue
			}
			want.ToAffine()
			w := dsecp.NewPublicKey(&want.X, &want.Y).SerializeUncompressed()
			if !ok || !bytes.Equal(got[:], w) {
				t.Fatalf("key %d (x >= n: %v), s = %x, e = %x: got %x %v, want %x", i, i == 1 || i == 2, pr[0], pr[1], got, ok, w)
			}
		}
	}

	// R at infinity: P = lift_x(G.x) = G (G.y is even), s = e.
	if dsecp.S256().Gy.Bit(0) != 0 {
		t.Fatal("G.y is odd")
	}
	s := scalar(big.NewInt(12345))
	if _, ok, usable := bip340RLibsecp(keys[0], &s, &s); ok || !usable {
		t.Fatalf("R = sG - sG recovered: ok %v usable %v", ok, usable)
	}
	// e = 0 is routed to the portable path.
	var zero dsecp.ModNScalar
	if _, _, usable := bip340RLibsecp(keys[1], &s, &zero); usable {
		t.Fatal("e = 0 reported usable")
	}
}

// TestSchnorrHighKeyAgrees runs schnorr_bip340_verify on keys with x >= n
// (x = n goes to the portable path, the others use recovery id 2 in the
// libsecp256k1 path) and on the off-curve x among them, with
// random and boundary r and s, on every implementation: same bytes and
// codes everywhere.
func TestSchnorrHighKeyAgrees(t *testing.T) {
	var inputs [][]byte
	for x := new(big.Int).Set(curveN); len(inputs) < 6; x.Add(x, big.NewInt(1)) {
		pk := x.FillBytes(make([]byte, 32))
		sig := make([]byte, 64)
		rand.Read(sig)
		sig[32] &= 0x7f // s < n
		inputs = append(inputs, bytes.Join([][]byte{pk, sig, []byte("msg")}, nil))
		inputs = append(inputs, bytes.Join([][]byte{pk, bytes.Repeat([]byte{0xff}, 32), sig[32:]}, nil)) // r >= p
	}
	dispatchtest.ForEach(t, PrimitiveSchnorr, func(t *testing.T) {
		for i, in := range inputs {
			out, err := st.Call(t, "schnorr_bip340_verify", in)
			x := new(big.Int).SetBytes(in[:32])
			switch {
			case i%2 == 1:
				want := core.CodeNonCanonical // r >= p
				if !onCurveX(x) {
					want = core.CodeInvalidPoint // the key is checked first
				}
				if core.CodeOf(err) != want {
					t.Errorf("input %d: %x %v, want %v", i, out, err, want)
				}
			case onCurveX(x):
				if err != nil || !bytes.Equal(out, []byte{0}) {
					t.Errorf("input %d: %x %v, want 0x00", i, out, err)
				}
			default:
				if core.CodeOf(err) != core.CodeInvalidPoint {
					t.Errorf("input %d: %x %v, want invalid_point", i, out, err)
				}
			}
		}
	})
}
