package zk

import (
	"bytes"
	"encoding/binary"
	"math/big"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfp "github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bnfp "github.com/consensys/gnark-crypto/ecc/bn254/fp"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// blsG1NotInSubgroup returns a point on y² = x³ + 4 outside the order-r
// subgroup (the cofactor is large, so the first x that works will do).
func blsG1NotInSubgroup(t *testing.T) bls.G1Affine {
	var p bls.G1Affine
	var four blsfp.Element
	four.SetUint64(4)
	for x := uint64(1); x < 100; x++ {
		p.X.SetUint64(x)
		var r blsfp.Element
		r.Square(&p.X).Mul(&r, &p.X).Add(&r, &four)
		if r.Legendre() == 1 {
			p.Y.Sqrt(&r)
			if !p.IsInSubGroup() {
				return p
			}
		}
	}
	t.Fatal("no point")
	return p
}

// TestErrorCodes pins the error code of each kind of bad input.
func TestErrorCodes(t *testing.T) {
	ins := validInputs(t)
	p := bnfp.Modulus()
	r := bnfr.Modulus()
	put := func(b []byte, off int, v *big.Int, size int) { v.FillBytes(b[off : off+size]) }
	type tc struct {
		name, fn string
		edit     func(b []byte) []byte
		want     core.Code
	}
	bnIn := ins["groth16_bn254_verify"]
	bnProof := bnVKFixed + 64*int(bnGroth16Count(bnIn))
	blsIn := ins["groth16_bls12381_verify"]
	blsProof := blsVKFixed + 128*int(blsGroth16Count(blsIn))
	notSub := blsG1NotInSubgroup(t)
	cases := []tc{
		{"A.x = p", "groth16_bn254_verify", func(b []byte) []byte { put(b, bnProof, p, 32); return b }, core.CodeNonCanonical},
		{"A off curve", "groth16_bn254_verify", func(b []byte) []byte { b[bnProof+63] ^= 1; return b }, core.CodeInvalidPoint},
		{"IC_0 off curve", "groth16_bn254_verify", func(b []byte) []byte { b[bnVKFixed+63] ^= 1; return b }, core.CodeInvalidPoint},
		{"public = r", "groth16_bn254_verify", func(b []byte) []byte { put(b, len(b)-32, r, 32); return b }, core.CodeNonCanonical},
		{"n = 0", "groth16_bn254_verify", func(b []byte) []byte { binary.BigEndian.PutUint32(b[bnVKFixed-4:], 0); return b }, core.CodeMalformed},
		{"n + 1", "groth16_bn254_verify", func(b []byte) []byte { binary.BigEndian.PutUint32(b[bnVKFixed-4:], 3); return b }, core.CodeMalformed},
		{"A infinity", "groth16_bn254_verify", func(b []byte) []byte { clear(b[bnProof : bnProof+64]); return b }, 0},
		{"padding", "groth16_bls12381_verify", func(b []byte) []byte { b[blsProof] = 1; return b }, core.CodeNonCanonical},
		{"A.x = p", "groth16_bls12381_verify", func(b []byte) []byte { put(b, blsProof+16, blsfp.Modulus(), 48); return b }, core.CodeNonCanonical},
		{"A off curve", "groth16_bls12381_verify", func(b []byte) []byte { b[blsProof+127] ^= 1; return b }, core.CodeInvalidPoint},
		{"A not in G1", "groth16_bls12381_verify", func(b []byte) []byte {
			x, y := notSub.X.Bytes(), notSub.Y.Bytes()
			copy(b[blsProof+16:], x[:])
			copy(b[blsProof+80:], y[:])
			return b
		}, core.CodeNotInSubgroup},
		{"public = r", "groth16_bls12381_verify", func(b []byte) []byte { put(b, len(b)-32, blsfrModulus(), 32); return b }, core.CodeNonCanonical},
		{"proof A infinity", "plonk_bn254_snarkjs_verify", func(b []byte) []byte { clear(b[sjVKSize : sjVKSize+64]); return b }, core.CodeInfinity},
		{"power 0", "plonk_bn254_snarkjs_verify", func(b []byte) []byte { binary.BigEndian.PutUint32(b[4:], 0); return b }, core.CodeMalformed},
		{"power 29", "plonk_bn254_snarkjs_verify", func(b []byte) []byte { binary.BigEndian.PutUint32(b[4:], 29); return b }, core.CodeMalformed},
		{"eval_a = r", "plonk_bn254_snarkjs_verify", func(b []byte) []byte { put(b, sjVKSize+9*64, r, 32); return b }, core.CodeNonCanonical},
		{"k1 = r", "plonk_bn254_snarkjs_verify", func(b []byte) []byte { put(b, 8, r, 32); return b }, core.CodeNonCanonical},
		{"nPublic + 1", "plonk_bn254_snarkjs_verify", func(b []byte) []byte { b[3]++; return b }, core.CodeMalformed},
		{"Qm infinity", "plonk_bn254_snarkjs_verify", func(b []byte) []byte { clear(b[72:136]); return b }, 0},
	}
	for _, fn := range []string{"groth16_bn254_verify_gnark", "groth16_bls12381_verify_gnark", "plonk_bn254_gnark_verify", "plonk_bls12381_gnark_verify"} {
		cases = append(cases,
			tc{"section length too large", fn, func(b []byte) []byte { binary.BigEndian.PutUint32(b, 0xFFFFFFF0); return b }, core.CodeMalformed},
			tc{"trailing byte", fn, func(b []byte) []byte { return append(b, 0) }, core.CodeMalformed},
			tc{"secret witness", fn, func(b []byte) []byte {
				s := sectionsOf(b)
				off := len(b) - len(s[2])
				binary.BigEndian.PutUint32(b[off+4:], 1)
				return b
			}, core.CodeMalformed},
			tc{"witness count", fn, func(b []byte) []byte {
				s := sectionsOf(b)
				w := append(bytes.Clone(s[2]), make([]byte, 32)...)
				binary.BigEndian.PutUint32(w, binary.BigEndian.Uint32(w)+1)
				binary.BigEndian.PutUint32(w[8:], binary.BigEndian.Uint32(w[8:])+1)
				return threeSections(s[0], s[1], w)
			}, core.CodeMalformed},
			tc{"witness scalar = r", fn, func(b []byte) []byte {
				put(b, len(b)-32, bnfr.Modulus(), 32)
				if fn == "groth16_bls12381_verify_gnark" || fn == "plonk_bls12381_gnark_verify" {
					put(b, len(b)-32, blsfrModulus(), 32)
				}
				return b
			}, core.CodeNonCanonical},
		)
	}
	for _, c := range cases {
		out, err := run1(mustLookup(t, c.fn), c.edit(bytes.Clone(ins[c.fn])))
		if got := core.CodeOf(err); got != c.want {
			t.Errorf("%s / %s: code %v (%v, out %x), want %v", c.fn, c.name, got, err, out, c.want)
		}
		if c.want == 0 && (len(out) != 1 || out[0] != 0) {
			t.Errorf("%s / %s: output %x, want 00", c.fn, c.name, out)
		}
	}
}

func blsfrModulus() *big.Int { return blsfr.Modulus() }
