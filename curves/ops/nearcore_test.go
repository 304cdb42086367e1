package ops_test

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/ops"
)

// The raw re-encodings below map EIP-2537 bytes to Zcash bytes coordinate
// by coordinate, without decoding, so that every fault of the input (off the
// curve, outside the subgroup, coordinate >= p) survives the conversion.
// An EIP-2537 field element with non-zero padding has no Zcash form: the
// case is skipped.

func fpRaw(b []byte) ([]byte, bool) {
	if !allZeroB(b[:16]) {
		return nil, false
	}
	return b[16:64], true
}

func allZeroB(b []byte) bool { return bytes.Count(b, []byte{0}) == len(b) }

func g1Raw(b []byte) ([]byte, bool) {
	if allZeroB(b) {
		inf := make([]byte, 96)
		inf[0] = 0x40
		return inf, true
	}
	x, ok1 := fpRaw(b[:64])
	y, ok2 := fpRaw(b[64:128])
	return cat(x, y), ok1 && ok2
}

func g2Raw(b []byte) ([]byte, bool) {
	if allZeroB(b) {
		inf := make([]byte, 192)
		inf[0] = 0x40
		return inf, true
	}
	var out []byte
	for _, off := range []int{64, 0, 192, 128} { // x.c1, x.c0, y.c1, y.c0
		c, ok := fpRaw(b[off : off+64])
		if !ok {
			return nil, false
		}
		out = cat(out, c)
	}
	return out, true
}

// items re-encodes a sequence of fixed-size items with conv.
func items(in []byte, size int, conv func([]byte) ([]byte, bool)) ([]byte, bool) {
	if len(in)%size != 0 {
		return nil, false
	}
	var out []byte
	for off := 0; off < len(in); off += size {
		c, ok := conv(in[off : off+size])
		if !ok {
			return nil, false
		}
		out = cat(out, c)
	}
	return out, true
}

func msmItem(g func([]byte) ([]byte, bool), pt int) func([]byte) ([]byte, bool) {
	return func(b []byte) ([]byte, bool) {
		p, ok := g(b[:pt])
		return cat(p, b[pt:]), ok
	}
}

func pairItem(b []byte) ([]byte, bool) {
	p, ok1 := g1Raw(b[:128])
	q, ok2 := g2Raw(b[128:])
	return cat(p, q), ok1 && ok2
}

func fp2Raw(b []byte) ([]byte, bool) {
	c0, ok1 := fpRaw(b[:64])
	c1, ok2 := fpRaw(b[64:])
	return cat(c1, c0), ok1 && ok2
}

// TestNearcoreEIP2537InZcashEncoding runs nearcore's EIP-2537 CSV vectors
// (peers/cases.jsonl, families nearcore-eip2537-*) through the
// Zcash-encoded functions: inputs and expected points re-encoded
// coordinate by coordinate, error rows must fail with a code.
func TestNearcoreEIP2537InZcashEncoding(t *testing.T) {
	path := filepath.Join(sharedVectors(), "peers", "cases.jsonl")
	fh, err := os.Open(path)
	if err != nil {
		absent(t, path)
	}
	defer fh.Close()
	type target struct {
		f       *core.Func
		in, out func([]byte) ([]byte, bool)
	}
	g1, g2 := g1Raw, g2Raw
	byFamily := map[string]target{
		"g1_add":            {ops.BLS12381G1AddZcash, func(b []byte) ([]byte, bool) { return items(b, 128, g1) }, g1},
		"g2_add":            {ops.BLS12381G2AddZcash, func(b []byte) ([]byte, bool) { return items(b, 256, g2) }, g2},
		"g1_mul":            {ops.BLS12381G1MulZcash, msmItem(g1, 128), g1},
		"g2_mul":            {ops.BLS12381G2MulZcash, msmItem(g2, 256), g2},
		"g1_multiexp":       {ops.BLS12381G1MSMZcash, func(b []byte) ([]byte, bool) { return items(b, 160, msmItem(g1, 128)) }, g1},
		"g2_multiexp":       {ops.BLS12381G2MSMZcash, func(b []byte) ([]byte, bool) { return items(b, 288, msmItem(g2, 256)) }, g2},
		"multiexp_g1_error": {ops.BLS12381G1MSMZcash, func(b []byte) ([]byte, bool) { return items(b, 160, msmItem(g1, 128)) }, nil},
		"multiexp_g2_error": {ops.BLS12381G2MSMZcash, func(b []byte) ([]byte, bool) { return items(b, 288, msmItem(g2, 256)) }, nil},
		"fp_to_g1":          {ops.BLS12381MapFpToG1Zcash, fpRaw, g1},
		"fp_to_g1_error":    {ops.BLS12381MapFpToG1Zcash, fpRaw, nil},
		"fp2_to_g2":         {ops.BLS12381MapFp2ToG2Zcash, fp2Raw, g2},
		"fp2_to_g2_error":   {ops.BLS12381MapFp2ToG2Zcash, fp2Raw, nil},
		"pairing":           {ops.BLS12381PairingCheckZcash, func(b []byte) ([]byte, bool) { return items(b, 384, pairItem) }, nil},
		"pairing_error":     {ops.BLS12381PairingCheckZcash, func(b []byte) ([]byte, bool) { return items(b, 384, pairItem) }, nil},
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<26)
	ran, skipped := map[string]int{}, 0
	for sc.Scan() {
		var c struct{ Family, Input, Expect, ID string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		fam, ok := strings.CutPrefix(c.Family, "nearcore-eip2537-")
		if !ok {
			continue
		}
		tg, ok := byFamily[fam]
		if !ok {
			t.Fatalf("unmapped family %s", c.Family)
		}
		raw, _ := hex.DecodeString(c.Input)
		in, ok := tg.in(raw)
		if !ok {
			skipped++ // non-zero EIP-2537 padding or a length with no Zcash form
			continue
		}
		ran[fam]++
		out, err := core.Execute(tg.f, nil, in)
		switch {
		case c.Expect == "error":
			if err == nil {
				t.Errorf("%s %s: got %x, want an error", c.Family, c.ID, out)
			}
		case tg.out == nil: // pairing verdicts
			if want, _ := hex.DecodeString(c.Expect); err != nil || !bytes.Equal(out, want) {
				t.Errorf("%s %s: got %x, %v; want %s", c.Family, c.ID, out, err, c.Expect)
			}
		default:
			wantRaw, _ := hex.DecodeString(c.Expect)
			want, _ := tg.out(wantRaw)
			if err != nil || !bytes.Equal(out, want) {
				t.Errorf("%s %s: got %x, %v; want %x", c.Family, c.ID, out, err, want)
			}
		}
	}
	if len(ran) != len(byFamily) {
		t.Fatalf("families run: %v (want all %d)", ran, len(byFamily))
	}
	t.Logf("cases run per family: %v; skipped (no Zcash form): %d", ran, skipped)
}
