package zk

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"sync"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// gnark PLONK examples (examples_plonk.go, written by
// zk/internal/genplonk): valid proofs of circuits with 1 to 512 public
// inputs and 1 to 8 BSB22 commitments. Their verifying keys are stored
// without the KZG line evaluations, which are a function of [1]G2 and
// [α]G2; plonkLines puts them back.

var gnarkPlonkExamples = sync.OnceValue(func() map[string][]core.Example {
	m := map[string][]core.Example{}
	for _, e := range plonkExamples {
		in, err := hex.DecodeString(e.input)
		if err != nil {
			panic("zk: internal error: " + err.Error())
		}
		s := sectionsOf(in)
		vk := plonkLines(s[0], e.fn == "plonk_bls12381_gnark_verify")
		m[e.fn] = append(m[e.fn], core.Example{Name: e.name, Input: threeSectionInput(vk, s[1], s[2]), Worst: true})
	}
	// Larger sections than a prover makes quickly: the smallest proof grown
	// (plonkGrow) to thousands of public inputs or hundreds of commitments,
	// counts consistent, so every section is decoded and the public-input
	// and commitment work is done before gnark's algebraic check rejects
	// it. They skip only the fixed tail (one MSM, the KZG fold and
	// pairing), which the valid examples above carry.
	for fn, s := range map[string]*pointSizes{"plonk_bn254_gnark_verify": &bnSizes, "plonk_bls12381_gnark_verify": &blsSizes} {
		sec := sectionsOf(m[fn][0].Input)
		for _, n := range []int{16384, 28000} {
			m[fn] = append(m[fn], core.Example{Name: strconv.Itoa(1+n) + "pub-1cm-failslate", Worst: true,
				Input: plonkGrow(sec[0], sec[1], sec[2], s, 0, n)})
		}
		for _, n := range []int{256, 1024} {
			m[fn] = append(m[fn], core.Example{Name: "1pub-" + strconv.Itoa(1+n) + "cm-failslate", Worst: true,
				Input: plonkGrow(sec[0], sec[1], sec[2], s, n, 0)})
		}
	}
	return m
})

// threeSectionInput frames the parts as length-prefixed sections.
func threeSectionInput(parts ...[]byte) []byte { return wire.AppendSections(nil, parts...) }

// plonkLines inserts the KZG line evaluations into a compressed gnark
// PLONK verifying key stored without them (see genplonk's linesAt).
func plonkLines(vk []byte, isBLS bool) []byte {
	s := &bnSizes
	if isBLS {
		s = &blsSizes
	}
	off := 24 + 2*s.fr + 8 + s.fr + 8*s.g1c
	off += 4 + int(binary.BigEndian.Uint32(vk[off:]))*s.g1c + s.g1c + 2*s.g2c
	g2 := vk[off-2*s.g2c : off]
	var enc bytes.Buffer
	if isBLS {
		var lines [2][2][len(bls.LoopCounter) - 1]bls.LineEvaluationAff
		for i := range 2 {
			var q bls.G2Affine
			if _, err := q.SetBytes(g2[i*s.g2c:]); err != nil {
				panic("zk: internal error: " + err.Error())
			}
			lines[i] = bls.PrecomputeLines(q)
		}
		// gnark's encoder writes the lines with binary.Write: raw limbs.
		if err := binary.Write(&enc, binary.BigEndian, &lines); err != nil {
			panic("zk: internal error: " + err.Error())
		}
	} else {
		var lines [2][2][len(bn.LoopCounter)]bn.LineEvaluationAff
		for i := range 2 {
			var q bn.G2Affine
			if _, err := q.SetBytes(g2[i*s.g2c:]); err != nil {
				panic("zk: internal error: " + err.Error())
			}
			lines[i] = bn.PrecomputeLines(q)
		}
		if err := binary.Write(&enc, binary.BigEndian, &lines); err != nil {
			panic("zk: internal error: " + err.Error())
		}
	}
	return append(append(append([]byte(nil), vk[:off]...), enc.Bytes()...), vk[off:]...)
}
