package zk

import (
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"sync"

	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// Worst-case examples at several sizes of every growing section, for gas
// calibration (docs/GAS.md, "Growing sections"). Where only a prover could
// make a valid input of a size, the example is a vector's valid input
// grown so that it fails as late as possible: every section decodes and
// the verifier does all its work before the final check rejects it. Such
// an input is the costliest of its size, whatever the verdict.

// vectorInput returns the input of the vector example (fn, name).
func vectorInput(fn, name string) []byte {
	for _, v := range vectorExamples {
		if v.fn == fn && v.name == name {
			in, err := hex.DecodeString(v.input)
			if err != nil {
				panic("zk: internal error: " + err.Error())
			}
			return in
		}
	}
	panic("zk: internal error: no vector example " + fn + "/" + name)
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
	in := vectorInput("plonk_bn254_snarkjs_verify", "multiplier1000")
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

// duskSplit splits the dusk-plonk vector example into its parts.
func duskSplit() (version byte, vd, proof []byte) {
	in := vectorInput("plonk_bls12381_dusk_verify", "add-v3")
	n := binary.BigEndian.Uint32(in[1:])
	vd = in[5 : 5+n]
	rest := in[5+n:]
	m := binary.BigEndian.Uint32(rest)
	return in[0], vd, rest[4 : 4+m]
}

// duskInput assembles a plonk_bls12381_dusk_verify input.
func duskInput(version byte, vd, proof, pis []byte) []byte {
	in := []byte{version}
	in = binary.BigEndian.AppendUint32(in, uint32(len(vd)))
	in = append(in, vd...)
	in = binary.BigEndian.AppendUint32(in, uint32(len(proof)))
	in = append(in, proof...)
	return append(in, pis...)
}

// duskVerifier rewrites the vector's verifier data (Verifier::to_bytes:
// six u64be label_len, vk_len, ok_len, n_pi, size, constraints, then label,
// vk, ok, n_pi u64be indexes) with a label of labelLen bytes (-1: keep it)
// and nPI public inputs at gate indexes 2^31−1−i in a circuit of 2^31
// gates (the costliest ω^(−i): 31-bit, dense in ones). idxOnly leaves out
// the inputs.
func duskVerifier(vd []byte, labelLen, nPI int) []byte {
	oldLabel := binary.BigEndian.Uint64(vd)
	vkLen := binary.BigEndian.Uint64(vd[8:])
	okLen := binary.BigEndian.Uint64(vd[16:])
	label := vd[48 : 48+oldLabel]
	if labelLen >= 0 {
		label = make([]byte, labelLen)
		for i := range label {
			label[i] = byte(i)
		}
	}
	rest := vd[48+oldLabel : 48+oldLabel+vkLen+okLen]
	v := append([]byte(nil), vd[:48]...)
	binary.BigEndian.PutUint64(v, uint64(len(label)))
	if nPI >= 0 {
		binary.BigEndian.PutUint64(v[24:], uint64(nPI))
		binary.BigEndian.PutUint64(v[32:], 1<<31)
	}
	v = append(v, label...)
	v = append(v, rest...)
	if nPI >= 0 {
		binary.LittleEndian.PutUint64(v[48+len(label):], 1<<31) // vk.n
		for i := range nPI {
			v = binary.BigEndian.AppendUint64(v, uint64(1<<31-1-i))
		}
	} else {
		v = append(v, vd[48+oldLabel+vkLen+okLen:]...)
	}
	return v
}

// duskPublic returns n canonical little-endian scalars, none zero (a zero
// input is skipped by the public-input evaluation).
func duskPublic(n int) []byte {
	r := blsfr.Modulus()
	var out []byte
	for i := range n {
		b := exScalar("dusk public", i, r).FillBytes(make([]byte, 32))
		for l, h := 0, 31; l < h; l, h = l+1, h-1 {
			b[l], b[h] = b[h], b[l]
		}
		out = append(out, b...)
	}
	return out
}

var duskSizes = []int{1, 64, 1024, 8192}

func duskExamples() []core.Example {
	version, vd, proof := duskSplit()
	var ex []core.Example
	for _, n := range duskSizes {
		ex = append(ex, core.Example{Name: strconv.Itoa(n) + "public-failslate", Worst: true,
			Input: duskInput(version, duskVerifier(vd, -1, n), proof, duskPublic(n))})
	}
	for _, l := range []int{65536, 524288} {
		ex = append(ex, core.Example{Name: "label" + strconv.Itoa(l) + "-failslate", Worst: true,
			Input: duskInput(version, duskVerifier(vd, l, 1), proof, duskPublic(1))})
	}
	return ex
}
