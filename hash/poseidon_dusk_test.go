package hash

import (
	"bytes"
	"errors"
	"testing"

	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
)

// jubjubUV decodes a Dusk JubJub point (v little-endian, the parity of u in
// bit 7 of byte 31) into its affine coordinates u, v, both encoded 32-byte
// little-endian. JubJub: -u^2 + v^2 = 1 + d u^2 v^2, d = -10240/10241, over
// the BLS12-381 scalar field.
func jubjubUV(t *testing.T, enc []byte) (u, v []byte) {
	t.Helper()
	b := append([]byte(nil), enc...)
	sign := b[31] >> 7
	b[31] &= 0x7f
	vv, err := blsfr.LittleEndian.Element((*[32]byte)(b))
	if err != nil {
		t.Fatal(err)
	}
	var d, den, num, v2, one blsfr.Element
	one.SetOne()
	d.SetUint64(10241)
	d.Inverse(&d)
	num.SetUint64(10240)
	d.Mul(&d, &num)
	d.Neg(&d)
	v2.Square(&vv)
	num.Sub(&v2, &one)
	den.Mul(&d, &v2)
	den.Add(&den, &one)
	den.Inverse(&den)
	num.Mul(&num, &den)
	var uu blsfr.Element
	if uu.Sqrt(&num) == nil {
		t.Fatalf("%x is not a JubJub point", enc)
	}
	var ub [32]byte
	blsfr.LittleEndian.PutElement(&ub, uu)
	if ub[0]&1 != sign {
		uu.Neg(&uu)
		blsfr.LittleEndian.PutElement(&ub, uu)
	}
	return ub[:], b
}

// TestPoseidonDuskSchnorrChallenges checks poseidon_bls12381_dusk against the
// challenges of Dusk's jubjub-schnorr signatures:
// c = Hash::digest_truncated(Domain::Other, [R.u, R.v, PK.u, PK.v, m]), i.e.
// the digest with its bits 250..255 cleared.
func TestPoseidonDuskSchnorrChallenges(t *testing.T) {
	var v struct {
		Signatures []struct{ Challenge, Msg, PK, Sig string }
	}
	readJSON(t, "dusk/jubjub-schnorr.json", &v)
	if len(v.Signatures) == 0 {
		t.Fatal("no vectors")
	}
	dispatchtest.Backends(t, func(t *testing.T, _ string) {
		for _, s := range v.Signatures {
			ru, rv := jubjubUV(t, unhex(t, s.Sig)[32:64])
			pu, pv := jubjubUV(t, unhex(t, s.PK))
			in := bytes.Join([][]byte{ru, rv, pu, pv, unhex(t, s.Msg)}, nil)
			got, err := call(t, "poseidon_bls12381_dusk", in)
			if err != nil || len(got) != 32 {
				t.Fatalf("got %x, %v", got, err)
			}
			got[31] &= 0x03
			if !bytes.Equal(got, unhex(t, s.Challenge)) {
				t.Errorf("challenge %x, want %s", got, s.Challenge)
			}
		}
	})
}

func TestPoseidonDuskErrors(t *testing.T) {
	r := unhex(t, "01000000fffffffffe5bfeff02a4bd5305d8a10908d83933487d9d2953a7ed73") // r, little-endian
	ok := make([]byte, 32)
	for _, c := range []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, core.ErrMalformed},
		{"31 bytes", ok[1:], core.ErrMalformed},
		{"33 bytes", append(append([]byte{}, ok...), 1), core.ErrMalformed},
		{"r", r, core.ErrNonCanonical},
		{"second element r", append(append([]byte{}, ok...), r...), core.ErrNonCanonical},
	} {
		if out, err := call(t, "poseidon_bls12381_dusk", c.in); !errors.Is(err, c.want) {
			t.Errorf("%s: got %x, %v; want %v", c.name, out, err, c.want)
		}
	}
	if _, err := call(t, "poseidon_bls12381_dusk", append(r[:0:0], make([]byte, 32*9)...)); err != nil {
		t.Errorf("9 zero inputs: %v", err)
	}
}
