package zk

import (
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"sync"

	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// Worst-case examples at several sizes of every growing section, for gas
// calibration (docs/GAS.md, "Growing sections"). Where only a prover could
// make a valid input of a size, the example is a vector's valid input
// grown so that it fails as late as possible: every section decodes and
// the verifier does all its work before the final check rejects it. Such
// an input is the costliest of its size, whatever the verdict.

// ownInput returns the input of the own example (fn, name).
func ownInput(fn, name string) []byte {
	for _, v := range ownExamples {
		if v.fn == fn && v.name == name {
			in, err := hex.DecodeString(v.input)
			if err != nil {
				panic("zk: internal error: " + err.Error())
			}
			return in
		}
	}
	panic("zk: internal error: no own example " + fn + "/" + name)
}

// gnarkGroth16Sizes are the synthetic gnark Groth16 shapes: public inputs
// (K points), commitments (Pedersen keys), committed indexes.
var gnarkGroth16Sizes = []g16Spec{
	{nPub: 1}, {nPub: 16}, {nPub: 256},
	{nPub: 1, nc: 1}, {nPub: 1, nc: 4}, {nPub: 1, nc: 16},
	{nPub: 16, nc: 1, nIdx: 256}, {nPub: 16, nc: 1, nIdx: 4096},
}

func (sp g16Spec) name() string {
	return strconv.Itoa(sp.nPub) + "pub-" + strconv.Itoa(sp.nc) + "cm-" + strconv.Itoa(sp.nIdx) + "idx"
}

var (
	bnGnarkG16Examples  = sync.OnceValue(func() []core.Example { return gnarkGroth16Examples(&bnG16Curve) })
	blsGnarkG16Examples = sync.OnceValue(func() []core.Example { return gnarkGroth16Examples(&blsG16Curve) })
)

func gnarkGroth16Examples(c *g16Curve) []core.Example {
	var ex []core.Example
	for _, sp := range gnarkGroth16Sizes {
		ex = append(ex, core.Example{Name: sp.name(), Input: c.synth(sp).input(), Worst: true})
	}
	return ex
}

// snarkjsPublic returns the snarkjs vector's input with n public inputs
// (nPublic rewritten, inputs < r): verdict 0x00 after the full
// verification (the verifier has no early exit).
func snarkjsPublic(n int) []byte {
	in := ownInput("plonk_bn254_snarkjs_verify", "many6")
	out := append([]byte(nil), in[:sjFixed]...)
	binary.BigEndian.PutUint32(out, uint32(n))
	r := bnfr.Modulus()
	for i := range n {
		out = append(out, exScalar("snarkjs public", i, r).FillBytes(make([]byte, 32))...)
	}
	return out
}

var snarkjsSizes = []int{1, 64, 512, 4096}

func snarkjsExamples() []core.Example {
	var ex []core.Example
	for _, n := range snarkjsSizes {
		ex = append(ex, core.Example{Name: strconv.Itoa(n) + "public-failslate", Input: snarkjsPublic(n), Worst: true})
	}
	return ex
}
