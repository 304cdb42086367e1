package ops_test

import (
	"bytes"
	"encoding/binary"
	"math/big"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/ops"
)

// TestSumZcashAgainstAddSub: the signed sums equal the catalogue's
// add/sub/neg chains, for points in and outside the subgroup.
func TestSumZcashAgainstAddSub(t *testing.T) {
	_, _, g1, g2 := bls.Generators()
	var p [3]bls.G1Affine
	var q [3]bls.G2Affine
	for i := range p {
		p[i].ScalarMultiplication(&g1, big.NewInt(int64(7*i+3)))
		q[i].ScalarMultiplication(&g2, big.NewInt(int64(5*i+2)))
	}
	// (0, 2): on the curve, outside G1.
	var x0 bls.G1Affine
	x0.Y.SetUint64(2)
	pts := [][]byte{bls12381.AppendG1Uncompressed(nil, &p[0]), bls12381.AppendG1Uncompressed(nil, &p[1]), bls12381.AppendG1Uncompressed(nil, &x0)}
	// p0 - p1 + x0 by the sum and by sub then add.
	sum := exec(t, ops.BLS12381G1SumZcash, cat([]byte{0}, pts[0], []byte{1}, pts[1], []byte{0}, pts[2]))
	d := exec(t, ops.BLS12381G1SubZcash, cat(pts[0], pts[1]))
	if want := exec(t, ops.BLS12381G1AddZcash, cat(d, pts[2])); !bytes.Equal(sum, want) {
		t.Errorf("G1 sum %x, want %x", sum, want)
	}
	neg := exec(t, ops.BLS12381G1SumZcash, cat([]byte{1}, pts[1]))
	if want := exec(t, ops.BLS12381G1NegZcash, pts[1]); !bytes.Equal(neg, want) {
		t.Errorf("G1 -P %x, want %x", neg, want)
	}
	qs := [][]byte{bls12381.AppendG2Uncompressed(nil, &q[0]), bls12381.AppendG2Uncompressed(nil, &q[1]), bls12381.AppendG2Uncompressed(nil, &q[2])}
	sum2 := exec(t, ops.BLS12381G2SumZcash, cat([]byte{1}, qs[0], []byte{0}, qs[1], []byte{0}, qs[2]))
	a := exec(t, ops.BLS12381G2SubZcash, cat(qs[1], qs[0]))
	if want := exec(t, ops.BLS12381G2AddZcash, cat(a, qs[2])); !bytes.Equal(sum2, want) {
		t.Errorf("G2 sum %x, want %x", sum2, want)
	}
	inf := make([]byte, 96)
	inf[0] = 0x40
	if out := exec(t, ops.BLS12381G1SumZcash, nil); !bytes.Equal(out, inf) {
		t.Errorf("empty G1 sum %x", out)
	}
	for _, bad := range [][]byte{cat([]byte{2}, pts[0]), pts[0], cat([]byte{0}, pts[0][:95], []byte{pts[0][95] ^ 1})} {
		if _, err := core.Execute(ops.BLS12381G1SumZcash, nil, bad); err == nil {
			t.Errorf("G1 sum accepted %x...", bad[:4])
		}
	}
}

// TestDecompressOnCurve: equal to bls12381_g1/g2_decompress on subgroup
// points; (0, ±2) decompresses where the subgroup-checking one refuses it;
// off-curve x and uncompressed flags are refused.
func TestDecompressOnCurve(t *testing.T) {
	_, _, g1, g2 := bls.Generators()
	var p bls.G1Affine
	p.ScalarMultiplication(&g1, big.NewInt(12345))
	c := bls12381.AppendG1Compressed(nil, &p)
	if a, b := exec(t, ops.BLS12381G1DecompressOnCurve, c), exec(t, ops.BLS12381G1Decompress, c); !bytes.Equal(a, b) {
		t.Errorf("G1: %x, want %x", a, b)
	}
	c2 := bls12381.AppendG2Compressed(nil, &g2)
	if a, b := exec(t, ops.BLS12381G2DecompressOnCurve, c2), exec(t, ops.BLS12381G2Decompress, c2); !bytes.Equal(a, b) {
		t.Errorf("G2: %x, want %x", a, b)
	}
	for _, sign := range []byte{0x80, 0xa0} {
		x0 := make([]byte, 48)
		x0[0] = sign
		out := exec(t, ops.BLS12381G1DecompressOnCurve, x0)
		var want bls.G1Affine
		want.Y.SetUint64(2)
		if sign == 0xa0 {
			want.Y.Neg(&want.Y)
		}
		if !bytes.Equal(out, bls12381.AppendG1Uncompressed(nil, &want)) {
			t.Errorf("(0, ±2) flag %02x: %x", sign, out)
		}
		if _, err := core.Execute(ops.BLS12381G1Decompress, nil, x0); core.CodeOf(err) != core.CodeNotInSubgroup {
			t.Errorf("bls12381_g1_decompress (0, ±2): %v, want not_in_subgroup", err)
		}
	}
	bad := append([]byte{}, c...)
	bad[0] &^= 0x80
	if _, err := core.Execute(ops.BLS12381G1DecompressOnCurve, nil, bad); err == nil {
		t.Error("accepted a point without the compression flag")
	}
	// x = 1: 1 + 4 = 5 is not a square mod p, so no point.
	x1 := make([]byte, 48)
	x1[0], x1[47] = 0x80, 1
	if _, err := core.Execute(ops.BLS12381G1DecompressOnCurve, nil, x1); core.CodeOf(err) != core.CodeInvalidPoint {
		t.Errorf("x = 1: %v, want invalid_point", err)
	}
}

// TestHashAnyDSTAgainstZcash: up to 255 bytes of DST the any-DST functions
// equal bls12381_hash_to_g1/g2_zcash (whose RFC 9380 vectors h2c_test.go
// runs); longer DSTs equal the reduced DST's hash; bad lengths are refused.
func TestHashAnyDSTAgainstZcash(t *testing.T) {
	msg := []byte("some message")
	for _, n := range []int{1, 43, 255} {
		dst := bytes.Repeat([]byte{'Q'}, n)
		any := cat(binary.BigEndian.AppendUint32(nil, uint32(n)), dst, msg)
		one := cat([]byte{byte(n)}, dst, msg)
		if a, b := exec(t, ops.BLS12381HashToG1AnyDST, any), exec(t, ops.BLS12381HashToG1Zcash, one); !bytes.Equal(a, b) {
			t.Errorf("G1, %d-byte DST: %x, want %x", n, a, b)
		}
		if a, b := exec(t, ops.BLS12381HashToG2AnyDST, any), exec(t, ops.BLS12381HashToG2Zcash, one); !bytes.Equal(a, b) {
			t.Errorf("G2, %d-byte DST: %x, want %x", n, a, b)
		}
	}
	for _, bad := range [][]byte{nil, {0, 0, 0}, {0, 0, 0, 5, 'a'}} {
		if _, err := core.Execute(ops.BLS12381HashToG1AnyDST, nil, bad); core.CodeOf(err) != core.CodeMalformed {
			t.Errorf("%x: %v, want malformed_input", bad, err)
		}
	}
}
