package near_test

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"strings"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// EIP-2537 bytes to Zcash bytes, coordinate by coordinate without decoding,
// so that every fault of the input survives; false when an EIP-2537 field
// element has non-zero padding (no Zcash form).

func zero(b []byte) bool { return bytes.Count(b, []byte{0}) == len(b) }

func fpZ(b []byte) ([]byte, bool) { return b[16:64], zero(b[:16]) }

func infZ(n int) []byte {
	b := make([]byte, n)
	b[0] = 0x40
	return b
}

func g1Z(b []byte) ([]byte, bool) {
	if zero(b) {
		return infZ(96), true
	}
	x, ok1 := fpZ(b[:64])
	y, ok2 := fpZ(b[64:])
	return append(append([]byte{}, x...), y...), ok1 && ok2
}

func g2Z(b []byte) ([]byte, bool) {
	if zero(b) {
		return infZ(192), true
	}
	var out []byte
	for _, off := range []int{64, 0, 192, 128} { // x.c1, x.c0, y.c1, y.c0
		c, ok := fpZ(b[off : off+64])
		if !ok {
			return nil, false
		}
		out = append(out, c...)
	}
	return out, true
}

func fp2Z(b []byte) ([]byte, bool) {
	c0, ok1 := fpZ(b[:64])
	c1, ok2 := fpZ(b[64:])
	return append(append([]byte{}, c1...), c0...), ok1 && ok2
}

func reversed(b []byte) []byte {
	out := make([]byte, len(b))
	for i := range b {
		out[len(b)-1-i] = b[i]
	}
	return out
}

// eachItem converts fixed-size items; false if the length does not divide
// or an item has no Zcash form.
func eachItem(b []byte, size int, conv func([]byte) ([]byte, bool)) ([]byte, bool) {
	if len(b)%size != 0 {
		return nil, false
	}
	var out []byte
	for off := 0; off < len(b); off += size {
		c, ok := conv(b[off : off+size])
		if !ok {
			return nil, false
		}
		out = append(out, c...)
	}
	return out, true
}

// signed is NEAR's sum item: sign 0 || point.
func signed(g func([]byte) ([]byte, bool)) func([]byte) ([]byte, bool) {
	return func(b []byte) ([]byte, bool) {
		p, ok := g(b)
		return append([]byte{0}, p...), ok
	}
}

// multiexpItem is NEAR's multiexp item: point || little-endian scalar.
func multiexpItem(g func([]byte) ([]byte, bool), pt int) func([]byte) ([]byte, bool) {
	return func(b []byte) ([]byte, bool) {
		p, ok := g(b[:pt])
		return append(p, reversed(b[pt:])...), ok
	}
}

// TestNearcoreBLSVectors runs nearcore's own BLS12-381 test vectors
// (bls12381_test_vectors/*.csv, EIP-2537 encodings, via peers/cases.jsonl)
// through NEAR's bls12381_* functions in NEAR's encodings: additions as
// two-item sums, multiplications as one-item multiexps with the scalar
// little-endian, maps one element at a time and all of a file at once,
// pairings as pairing checks; error rows must fail.
func TestNearcoreBLSVectors(t *testing.T) {
	fh, err := os.Open(vectors.Path(t, "peers/cases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	type conv struct {
		name    string
		in, out func([]byte) ([]byte, bool)
	}
	g1item := func(b []byte) ([]byte, bool) { return eachItem(b, 128, signed(g1Z)) }
	g2item := func(b []byte) ([]byte, bool) { return eachItem(b, 256, signed(g2Z)) }
	m1 := func(b []byte) ([]byte, bool) { return eachItem(b, 160, multiexpItem(g1Z, 128)) }
	m2 := func(b []byte) ([]byte, bool) { return eachItem(b, 288, multiexpItem(g2Z, 256)) }
	pair := func(b []byte) ([]byte, bool) {
		return eachItem(b, 384, func(b []byte) ([]byte, bool) {
			p, ok1 := g1Z(b[:128])
			q, ok2 := g2Z(b[128:])
			return append(p, q...), ok1 && ok2
		})
	}
	byFamily := map[string]conv{
		"g1_add": {"bls12381_p1_sum", g1item, g1Z}, "g2_add": {"bls12381_p2_sum", g2item, g2Z},
		"g1_mul": {"bls12381_g1_multiexp", m1, g1Z}, "g2_mul": {"bls12381_g2_multiexp", m2, g2Z},
		"g1_multiexp": {"bls12381_g1_multiexp", m1, g1Z}, "g2_multiexp": {"bls12381_g2_multiexp", m2, g2Z},
		"multiexp_g1_error": {"bls12381_g1_multiexp", m1, nil}, "multiexp_g2_error": {"bls12381_g2_multiexp", m2, nil},
		"fp_to_g1": {"bls12381_map_fp_to_g1", fpZ, g1Z}, "fp_to_g1_error": {"bls12381_map_fp_to_g1", fpZ, nil},
		"fp2_to_g2": {"bls12381_map_fp2_to_g2", fp2Z, g2Z}, "fp2_to_g2_error": {"bls12381_map_fp2_to_g2", fp2Z, nil},
		"pairing": {"bls12381_pairing_check", pair, nil}, "pairing_error": {"bls12381_pairing_check", pair, nil},
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<26)
	ran := map[string]int{}
	batchIn, batchOut := map[string][]byte{}, map[string][]byte{}
	for sc.Scan() {
		var c struct{ Family, Input, Expect, ID string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		fam, ok := strings.CutPrefix(c.Family, "nearcore-eip2537-")
		if !ok {
			continue
		}
		cv, ok := byFamily[fam]
		if !ok {
			t.Fatalf("unmapped family %s", c.Family)
		}
		raw, _ := hex.DecodeString(c.Input)
		in, ok := cv.in(raw)
		if !ok {
			continue // no Zcash form (EIP-2537 padding, or a length NEAR rejects as a host error)
		}
		ran[fam]++
		out, err := call(t, cv.name, in)
		switch {
		case c.Expect == "error":
			if err == nil {
				t.Errorf("%s %s: got %x, want an error (NEAR: 1)", c.Family, c.ID, out)
			}
		case cv.out == nil: // pairing: the verdict byte (NEAR 0 for 0x01, 2 for 0x00)
			if want, _ := hex.DecodeString(c.Expect); err != nil || !bytes.Equal(out, want) {
				t.Errorf("%s %s: got %x, %v; want %s", c.Family, c.ID, out, err, c.Expect)
			}
		default:
			wantRaw, _ := hex.DecodeString(c.Expect)
			want, _ := cv.out(wantRaw)
			if err != nil || !bytes.Equal(out, want) {
				t.Errorf("%s %s: got %x, %v; want %x", c.Family, c.ID, out, err, want)
			}
			if strings.HasPrefix(fam, "fp") {
				batchIn[cv.name] = append(batchIn[cv.name], in...)
				batchOut[cv.name] = append(batchOut[cv.name], want...)
			}
		}
	}
	if len(ran) != len(byFamily) {
		t.Fatalf("families run: %v (want all %d)", ran, len(byFamily))
	}
	for name, in := range batchIn {
		if out, err := call(t, name, in); err != nil || !bytes.Equal(out, batchOut[name]) {
			t.Errorf("%s over all %d bytes of its file at once: %v", name, len(in), err)
		}
	}
	t.Logf("cases run per family: %v", ran)
}

// TestBLSShapes: NEAR's empty inputs (sums and multiexps give infinity,
// maps and decompressions nothing, the pairing check one), lengths that
// are not a multiple of the item (NEAR's host error: malformed_input),
// signs, and decompression without a subgroup check.
func TestBLSShapes(t *testing.T) {
	for name, want := range map[string][]byte{
		"bls12381_p1_sum": infZ(96), "bls12381_p2_sum": infZ(192),
		"bls12381_g1_multiexp": infZ(96), "bls12381_g2_multiexp": infZ(192),
		"bls12381_map_fp_to_g1": {}, "bls12381_map_fp2_to_g2": {},
		"bls12381_p1_decompress": {}, "bls12381_p2_decompress": {},
		"bls12381_pairing_check": {1},
	} {
		if out, err := call(t, name, nil); err != nil || !bytes.Equal(out, want) {
			t.Errorf("%s(empty) = %x, %v; want %x", name, out, err, want)
		}
		if _, err := call(t, name, []byte{0}); core.CodeOf(err) != core.CodeMalformed {
			t.Errorf("%s(1 byte): %v, want malformed_input", name, err)
		}
	}

	_, _, g1, g2 := bls.Generators()
	gz := bls12381.AppendG1Uncompressed(nil, &g1)
	// P - P = infinity; sign 2 is a bad input (NEAR 1).
	if out, err := call(t, "bls12381_p1_sum", append(append([]byte{0}, gz...), append([]byte{1}, gz...)...)); err != nil || !bytes.Equal(out, infZ(96)) {
		t.Errorf("G - G = %x, %v", out, err)
	}
	if _, err := call(t, "bls12381_p1_sum", append([]byte{2}, gz...)); err == nil {
		t.Error("sign byte 2 accepted")
	}
	// -G via the sum equals the negation of the catalogue.
	var neg bls.G1Affine
	neg.Neg(&g1)
	if out, err := call(t, "bls12381_p1_sum", append([]byte{1}, gz...)); err != nil || !bytes.Equal(out, bls12381.AppendG1Uncompressed(nil, &neg)) {
		t.Errorf("-G = %x, %v", out, err)
	}
	// Multiexp by 2 (little-endian) is G + G.
	two := make([]byte, 32)
	two[0] = 2
	sum, err1 := call(t, "bls12381_p1_sum", append(append([]byte{0}, gz...), append([]byte{0}, gz...)...))
	mul, err2 := call(t, "bls12381_g1_multiexp", append(append([]byte{}, gz...), two...))
	if err1 != nil || err2 != nil || !bytes.Equal(sum, mul) {
		t.Errorf("2·G: sum %x (%v), multiexp %x (%v)", sum, err1, mul, err2)
	}

	// Decompression: generators round-trip (also in a batch of two),
	// infinity, and (0, 2), on the curve but not in G1: accepted (NEP-488,
	// BLS12381_NOT_IN_GROUP_FIX_VERSION), where the multiexp refuses it.
	gc := bls12381.AppendG1Compressed(nil, &g1)
	g2c := bls12381.AppendG2Compressed(nil, &g2)
	if out, err := call(t, "bls12381_p1_decompress", append(append([]byte{}, gc...), gc...)); err != nil || !bytes.Equal(out, append(append([]byte{}, gz...), gz...)) {
		t.Errorf("decompress G1 x2: %x, %v", out, err)
	}
	if out, err := call(t, "bls12381_p2_decompress", g2c); err != nil || !bytes.Equal(out, bls12381.AppendG2Uncompressed(nil, &g2)) {
		t.Errorf("decompress G2: %x, %v", out, err)
	}
	infC := make([]byte, 48)
	infC[0] = 0xc0
	if out, err := call(t, "bls12381_p1_decompress", infC); err != nil || !bytes.Equal(out, infZ(96)) {
		t.Errorf("decompress infinity: %x, %v", out, err)
	}
	x0 := make([]byte, 48)
	x0[0] = 0x80 // x = 0, y = 2 (the smaller root)
	out, err := call(t, "bls12381_p1_decompress", x0)
	if err != nil || len(out) != 96 || !zero(out[:48]) || out[95] != 2 || !zero(out[48:95]) {
		t.Fatalf("decompress (0, 2): %x, %v", out, err)
	}
	if _, err := call(t, "bls12381_g1_multiexp", append(out, two...)); err == nil {
		t.Error("multiexp accepted (0, 2), outside G1")
	}
	if sum, err := call(t, "bls12381_p1_sum", append([]byte{0}, out...)); err != nil || !bytes.Equal(sum, out) {
		t.Errorf("sum of (0, 2): %x, %v (NEAR accepts points outside G1)", sum, err)
	}
	// Uncompressed input, or no compression flag: bad input.
	if _, err := call(t, "bls12381_p1_decompress", gz[:48]); err == nil {
		t.Error("decompress without the compression flag accepted")
	}
}
