package dplonk

import (
	"crypto/sha256"
	"encoding/binary"
	"math/big"
	"strconv"

	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// Worst-case examples at several sizes of the verifier's growing sections
// (public inputs, label), for gas calibration (docs/GAS.md, "Growing
// sections"), and hostile inputs for the hostile-input benchmark. Each is
// the first trapdoor example's valid input grown so that it fails as late as
// possible.

// exScalar is a deterministic scalar mod r derived from a label.
func exScalar(label string, i int) *big.Int {
	h := sha256.Sum256([]byte("hostcrypto zk example " + label + strconv.Itoa(i)))
	return new(big.Int).Mod(new(big.Int).SetBytes(h[:]), blsfr.Modulus())
}

// duskSplit splits the first trapdoor example into its parts.
func duskSplit() (version byte, vd, proof []byte) {
	in := Examples()[0].Input // a valid V3 proof, one public input
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

// duskVerifier rewrites the example's verifier data (Verifier::to_bytes:
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
	var out []byte
	for i := range n {
		b := exScalar("dusk public", i).FillBytes(make([]byte, 32))
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

// Hostile returns inputs built to cost as much CPU per gas unit as the
// format allows within the input limit: the most public inputs, the most
// gate indexes with no inputs (rejected before the verifier is parsed),
// and the longest label. See zk.Hostile.
func Hostile() []core.Example {
	const limit = maxInput
	version, vd, proof := duskSplit()
	base := len(duskInput(version, duskVerifier(vd, -1, 0), proof, nil))
	var ex []core.Example
	n := (limit - base) / 40
	ex = append(ex, core.Example{Name: "public-" + strconv.Itoa(n),
		Input: duskInput(version, duskVerifier(vd, -1, n), proof, duskPublic(n))})
	n = (limit - base) / 8
	ex = append(ex, core.Example{Name: "indexes-" + strconv.Itoa(n) + "-no-inputs",
		Input: duskInput(version, duskVerifier(vd, -1, n), proof, nil)})
	ex = append(ex, core.Example{Name: "label-" + strconv.Itoa(limit-base-64),
		Input: duskInput(version, duskVerifier(vd, limit-base-64, 1), proof, duskPublic(1))})
	return ex
}
