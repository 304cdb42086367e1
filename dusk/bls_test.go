package dusk

import (
	"bytes"
	"encoding/binary"
	"math/big"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	fr381 "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
)

type blsFile struct {
	Single []struct {
		SK, PK, Msg, Sig, Verdict string
		H0Msg                     string `json:"h0_msg"`
		H1PK                      string `json:"h1_pk"`
	} `json:"single"`
	Tampered []struct {
		Case, PK, Msg, Sig, Verdict string
	} `json:"single_tampered"`
	V1 []struct {
		PK, Msg, Sig  string
		VerdictVerify string `json:"verdict_verify"`
	} `json:"v1_insecure_single"`
}

// checkVerdict compares a function result with a Dusk verdict string:
// "ok" -> 0x01; "err:InvalidSignature" -> 0x00; "err:InvalidPoint" (an
// identity that decoded) -> point_at_infinity; "decode_err:..." -> any
// error.
func checkVerdict(t *testing.T, name, verdict string, out []byte, err error) {
	t.Helper()
	switch {
	case verdict == "ok":
		if err != nil || !bytes.Equal(out, []byte{1}) {
			t.Errorf("%s: got %x, %v; want 01", name, out, err)
		}
	case verdict == "err:InvalidSignature":
		if err != nil || !bytes.Equal(out, []byte{0}) {
			t.Errorf("%s: got %x, %v; want 00", name, out, err)
		}
	case verdict == "err:InvalidPoint":
		if core.CodeOf(err) != core.CodeInfinity {
			t.Errorf("%s: got %x, %v; want point_at_infinity", name, out, err)
		}
	case len(verdict) > 11 && verdict[:11] == "decode_err:":
		if err == nil {
			t.Errorf("%s: Dusk %q, got verdict %x", name, verdict, out)
		}
	default:
		t.Fatalf("%s: unknown verdict %q", name, verdict)
	}
}

func TestBLSDuskVectors(t *testing.T) {
	var v blsFile
	loadJSON(t, "bls12_381-bls.json", &v)
	if len(v.Single) != 10 || len(v.Tampered) != 13 || len(v.V1) != 3 {
		t.Fatalf("vector counts %d %d %d", len(v.Single), len(v.Tampered), len(v.V1))
	}
	dispatchtest.ForEach(t, "bls12381.dusk", func(t *testing.T) {
		run := func(name, pk, sig, msg, verdict string) {
			in := append(append(unhex(t, pk), unhex(t, sig)...), unhex(t, msg)...)
			out, err := call(t, "bls12381_verify_dusk", in)
			checkVerdict(t, name, verdict, out, err)
		}
		for i, c := range v.Single {
			run("single/"+c.Msg, c.PK, c.Sig, c.Msg, c.Verdict)
			_ = i
		}
		for _, c := range v.Tampered {
			run("tampered/"+c.Case, c.PK, c.Sig, c.Msg, c.Verdict)
		}
		for _, c := range v.V1 {
			run("v1/"+c.Msg, c.PK, c.Sig, c.Msg, c.VerdictVerify)
		}
	})
}

// TestBLSDuskDerivations recomputes, from each vector's secret key and
// message, what Dusk's crate output: H1(pk), H0(msg), pk = sk*G2 and
// sig = sk*H0(msg).
func TestBLSDuskDerivations(t *testing.T) {
	var v blsFile
	loadJSON(t, "bls12_381-bls.json", &v)
	_, _, _, g2 := bls.Generators()
	for _, c := range v.Single {
		pkB := unhex(t, c.PK)
		if h1 := blsH1(pkB); !bytes.Equal(h1[:], unhex(t, c.H1PK)) {
			t.Errorf("H1(%s...) = %x, Dusk %s", c.PK[:16], h1, c.H1PK)
		}
		h0, err := bls.HashToG1(unhex(t, c.Msg), []byte(blsH0DST))
		if err != nil {
			t.Fatal(err)
		}
		if b := h0.Bytes(); !bytes.Equal(b[:], unhex(t, c.H0Msg)) {
			t.Errorf("H0(%s) = %x, Dusk %s", c.Msg, b, c.H0Msg)
		}
		sk := leScalar(t, c.SK)
		var pk bls.G2Affine
		pk.ScalarMultiplication(&g2, sk)
		if b := pk.Bytes(); !bytes.Equal(b[:], pkB) {
			t.Errorf("sk*G2 differs from pk %s", c.PK)
		}
		var sig bls.G1Affine
		sig.ScalarMultiplication(&h0, sk)
		if b := sig.Bytes(); !bytes.Equal(b[:], unhex(t, c.Sig)) {
			t.Errorf("sk*H0 differs from sig %s", c.Sig)
		}
	}
}

func leScalar(t testing.TB, h string) *big.Int {
	b := unhex(t, h)
	be := make([]byte, len(b))
	for i := range b {
		be[len(b)-1-i] = b[i]
	}
	return new(big.Int).SetBytes(be)
}

// multisigInput builds n || pks || sig || msg.
func multisigInput(pks [][]byte, sig, msg []byte) []byte {
	in := binary.BigEndian.AppendUint32(nil, uint32(len(pks)))
	for _, pk := range pks {
		in = append(in, pk...)
	}
	return append(append(in, sig...), msg...)
}

// TestBLSMultisig has no Dusk-produced multisignature to check against.
// Instead, with the vectors' secret keys and Dusk's own H1(pk_i) values
// (h1_pk), it derives the multisignature independently of the aggregation
// code under test: s = sum h1_i*sk_i mod r, sig = s*H0(msg), and checks that
// every backend accepts it, that apk = s*G2 agrees with each backend's
// multi-scalar multiplication, and that tampered inputs fail.
func TestBLSMultisig(t *testing.T) {
	var v blsFile
	loadJSON(t, "bls12_381-bls.json", &v)
	_, _, _, g2 := bls.Generators()
	msg := []byte("dusk multisig test message")
	h0, err := bls.HashToG1(msg, []byte(blsH0DST))
	if err != nil {
		t.Fatal(err)
	}
	type signer struct {
		pk []byte
		t  fr381.Element // Dusk's H1(pk), from the vectors
		sk fr381.Element
	}
	var signers []signer
	for _, c := range v.Single {
		var s signer
		s.pk = unhex(t, c.PK)
		var err error
		if s.t, err = fr381.LittleEndian.Element((*[32]byte)(unhex(t, c.H1PK))); err != nil {
			t.Fatal(err)
		}
		if s.sk, err = fr381.LittleEndian.Element((*[32]byte)(unhex(t, c.SK))); err != nil {
			t.Fatal(err)
		}
		signers = append(signers, s)
	}
	// multisign returns sum t_i*sk_i*H0(msg) and the aggregate key s*G2.
	multisign := func(set []signer, m []byte) ([]byte, []byte) {
		var s, ti fr381.Element
		for _, x := range set {
			ti.Mul(&x.t, &x.sk)
			s.Add(&s, &ti)
		}
		h, err := bls.HashToG1(m, []byte(blsH0DST))
		if err != nil {
			t.Fatal(err)
		}
		var sb big.Int
		s.BigInt(&sb)
		var sig bls.G1Affine
		sig.ScalarMultiplication(&h, &sb)
		var apk bls.G2Affine
		apk.ScalarMultiplication(&g2, &sb)
		sigB, apkB := sig.Bytes(), apk.Bytes()
		return sigB[:], apkB[:]
	}
	pksOf := func(set []signer) [][]byte {
		var out [][]byte
		for _, s := range set {
			out = append(out, s.pk)
		}
		return out
	}
	_ = h0
	dispatchtest.ForEach(t, "bls12381.dusk", func(t *testing.T) {
		expect := func(name string, in []byte, want byte) {
			t.Helper()
			out, err := call(t, "bls12381_multisig_verify_dusk", in)
			if err != nil || !bytes.Equal(out, []byte{want}) {
				t.Errorf("%s: got %x, %v; want %02x", name, out, err, want)
			}
		}
		for _, n := range []int{1, 2, 3, 5, 10} {
			set := signers[:n]
			sig, apkWant := multisign(set, msg)
			pks := pksOf(set)
			expect("valid", multisigInput(pks, sig, msg), 1)

			// The backend's aggregate key equals s*G2.
			ts := make([][32]byte, n)
			for i := range set {
				ts[i] = blsH1(set[i].pk)
			}
			apk, err := gnarkAggregate(pks, ts)
			if err != nil {
				t.Fatal(err)
			}
			if b := apk.Bytes(); !bytes.Equal(b[:], apkWant) {
				t.Errorf("n=%d: gnark aggregate key differs from (sum t_i sk_i)*G2", n)
			}

			// Reordered keys: the sum is the same.
			rev := append([][]byte(nil), pks...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			expect("reordered", multisigInput(rev, sig, msg), 1)
			// Another message.
			expect("other message", multisigInput(pks, sig, append([]byte{}, msg[1:]...)), 0)
			// One key missing, or one extra key.
			if n > 1 {
				expect("key dropped", multisigInput(pks[1:], sig, msg), 0)
			}
			expect("extra key", multisigInput(append(append([][]byte{}, pks...), signers[(n)%10].pk), sig, msg), 0)
			// A plain sum of signatures without the coefficients fails
			// (unless it happens to coincide, which it does not).
			var plain fr381.Element
			for _, x := range set {
				plain.Add(&plain, &x.sk)
			}
			var pb big.Int
			plain.BigInt(&pb)
			var ps bls.G1Affine
			ps.ScalarMultiplication(&h0, &pb)
			psB := ps.Bytes()
			expect("sum without coefficients", multisigInput(pks, psB[:], msg), 0)
		}
		// A repeated key counts twice.
		dup := []signer{signers[0], signers[0], signers[1]}
		sig, _ := multisign(dup, msg)
		expect("duplicate key", multisigInput(pksOf(dup), sig, msg), 1)
		expect("duplicate key given once", multisigInput(pksOf(dup[1:]), sig, msg), 0)

		// No keys: not valid.
		sig1, _ := multisign(signers[:1], msg)
		expect("no keys", multisigInput(nil, sig1, msg), 0)

		// Errors.
		identity := make([]byte, 96)
		identity[0] = 0xc0
		for _, c := range []struct {
			name string
			in   []byte
			code core.Code
		}{
			{"identity key", multisigInput([][]byte{signers[0].pk, identity}, sig1, msg), core.CodeInfinity},
			{"identity sig", multisigInput([][]byte{signers[0].pk}, identity[:48], msg), core.CodeInfinity},
			{"truncated", multisigInput([][]byte{signers[0].pk}, sig1, nil)[:4+96+47], core.CodeMalformed},
			{"count too large", binary.BigEndian.AppendUint32(nil, maxMultisigKeys+1), core.CodeTooLarge},
			{"no count", []byte{0, 0}, core.CodeMalformed},
		} {
			out, err := call(t, "bls12381_multisig_verify_dusk", c.in)
			if core.CodeOf(err) != c.code {
				t.Errorf("%s: got %x, %v; want %v", c.name, out, err, c.code)
			}
		}
	})
}
