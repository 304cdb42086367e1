package secp256k1

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"os"
	"testing"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

func taggedHash(tag string, parts ...[]byte) [32]byte {
	th := sha256.Sum256([]byte(tag))
	h := sha256.New()
	h.Write(th[:])
	h.Write(th[:])
	for _, p := range parts {
		h.Write(p)
	}
	var d [32]byte
	h.Sum(d[:0])
	return d
}

// bip340Sign is BIP-340's reference signing algorithm, test-only, used to
// make signatures on messages of every length; it is itself checked against
// the signing vectors of test-vectors.csv.
func bip340Sign(t testing.TB, skb, aux, msg []byte) (pk, sig []byte) {
	var d dsecp.ModNScalar
	if d.SetByteSlice(skb) || d.IsZero() {
		t.Fatal("bad secret key")
	}
	var p dsecp.JacobianPoint
	dsecp.ScalarBaseMultNonConst(&d, &p)
	p.ToAffine()
	if p.Y.IsOdd() {
		d.Negate()
	}
	px := p.X.Bytes()
	db := d.Bytes()
	ah := taggedHash("BIP0340/aux", aux)
	var tb [32]byte
	for i := range tb {
		tb[i] = db[i] ^ ah[i]
	}
	rand := taggedHash("BIP0340/nonce", tb[:], px[:], msg)
	var k dsecp.ModNScalar
	k.SetBytes(&rand)
	if k.IsZero() {
		t.Fatal("zero nonce")
	}
	var r dsecp.JacobianPoint
	dsecp.ScalarBaseMultNonConst(&k, &r)
	r.ToAffine()
	if r.Y.IsOdd() {
		k.Negate()
	}
	rx := r.X.Bytes()
	eh := taggedHash("BIP0340/challenge", rx[:], px[:], msg)
	var e dsecp.ModNScalar
	e.SetBytes(&eh)
	s := new(dsecp.ModNScalar).Mul2(&e, &d).Add(&k)
	sb := s.Bytes()
	return px[:], append(rx[:], sb[:]...)
}

// TestBIP340SignRoundTrip: the test signer reproduces the signing vectors,
// then signatures on messages of 0..200 bytes verify under every
// implementation and a flipped bit in the message, R or s does not.
func TestBIP340SignRoundTrip(t *testing.T) {
	f, err := os.Open(vectors.Path(t, "bip340/test-vectors.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	signed := 0
	for _, row := range rows[1:] {
		if row[1] == "" {
			continue
		}
		pk, sig := bip340Sign(t, Hex(t, row[1]), Hex(t, row[3]), Hex(t, row[4]))
		if !bytes.Equal(pk, Hex(t, row[2])) || !bytes.Equal(sig, Hex(t, row[5])) {
			t.Fatalf("vector %s: test signer disagrees with the BIP", row[0])
		}
		signed++
	}
	if signed != 8 {
		t.Fatalf("%d signing vectors", signed)
	}
	dispatchtest.ForEach(t, PrimitiveSchnorr, func(t *testing.T) {
		for l := 0; l <= 200; l += 7 {
			sk := sha256.Sum256([]byte{byte(l), 's'})
			msg := bytes.Repeat([]byte{byte(l) ^ 0x5a}, l)
			pk, sig := bip340Sign(t, sk[:], sk[:], msg)
			in := bytes.Join([][]byte{pk, sig, msg}, nil)
			st.Verdict(t, "signed", "schnorr_bip340_verify", in, true)
			for _, pos := range []int{33, 63, 64, 95, len(in) - 1} {
				if pos >= len(in) {
					continue
				}
				bad := bytes.Clone(in)
				bad[pos] ^= 1
				st.Verdict(t, "flipped", "schnorr_bip340_verify", bad, false)
			}
		}
	})
}
