package zk

import (
	"encoding/binary"
	"math/big"
	"strconv"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dusk/dplonk"
)

// Hostile returns, by function, inputs built to cost as much CPU per gas
// unit as the format allows: the largest sections that fit in the input
// limit (1 MiB), counts that disagree only after the costliest section
// (the shapes of issue 14's review, which used to fail only after every
// point was decoded), consistent maximal shapes (every section as long as
// the limit allows, failing as late as possible), and keys never seen
// before (callers measure with the verifying-key caches off). They are for
// the hostile-input benchmark (`BenchmarkHostile`, `hostcrypto bench
// --hostile`), which reports ns per gas unit next to the median of the
// worst-case examples; they are not calibration examples. Deterministic;
// building them all takes a few seconds.
func Hostile() map[string][]core.Example {
	m := map[string][]core.Example{}
	add := func(fn, name string, in []byte) {
		m[fn] = append(m[fn], core.Example{Name: name, Input: in})
	}
	const limit = core.DefaultMaxInput
	for _, c := range []struct {
		fn string
		cv *g16Curve
		s  *pointSizes
	}{
		{"groth16_bn254_verify_gnark", &bnG16Curve, &bnSizes},
		{"groth16_bls12381_verify_gnark", &blsG16Curve, &blsSizes},
	} {
		s := c.s
		base := c.cv.synth(g16Spec{})      // K = [K_0], no commitment
		one := c.cv.synth(g16Spec{nc: 1})  // for a Pedersen key
		fixed := base.vk[:3*s.g1c+3*s.g2c] // α β1 β2 γ δ1 δ2
		k0 := base.vk[len(fixed)+4 : len(fixed)+4+s.g1c]
		keyPair := one.vk[len(one.vk)-2*s.g2c:]
		cm := one.proof[s.g1c+s.g2c+s.g1c+4:][:s.g1c]
		room := limit - 12 - len(base.proof) - len(base.witness) - len(fixed) - 12 - s.g1c

		// A key holding only Pedersen keys (no commitment infos).
		nKeys := room / (2 * s.g2c)
		vk := append(append([]byte(nil), fixed...), 0, 0, 0, 1)
		vk = append(vk, k0...)
		vk = binary.BigEndian.AppendUint32(append(vk, 0, 0, 0, 0), uint32(nKeys))
		for range nKeys {
			vk = append(vk, keyPair...)
		}
		add(c.fn, "vk-"+strconv.Itoa(nKeys)+"-pedersen-keys", g16Parts{vk, base.proof, base.witness}.input())

		// K as long as the limit allows, for a proof with no input.
		nK := room / s.g1c
		kc, _ := c.cv.g1s(big.NewInt(3), big.NewInt(5), nK)
		vk = binary.BigEndian.AppendUint32(append([]byte(nil), fixed...), uint32(nK))
		for _, k := range kc {
			vk = append(vk, k...)
		}
		vk = append(vk, 0, 0, 0, 0, 0, 0, 0, 0)
		add(c.fn, "vk-K-"+strconv.Itoa(nK), g16Parts{vk, base.proof, base.witness}.input())

		// A proof with as many commitments as the limit allows.
		nCm := (limit - 12 - len(base.vk) - len(base.proof) - len(base.witness)) / s.g1c
		pr := append([]byte(nil), base.proof[:2*s.g1c+s.g2c]...)
		pr = binary.BigEndian.AppendUint32(pr, uint32(nCm))
		for range nCm {
			pr = append(pr, cm...)
		}
		pr = append(pr, base.proof[len(base.proof)-s.g1c:]...)
		add(c.fn, "proof-"+strconv.Itoa(nCm)+"-commitments", g16Parts{base.vk, pr, base.witness}.input())

		// Consistent maximal shapes: valid proofs.
		perCm := s.g1c + 4 + 2*s.g2c + s.g1c // K entry, info, key, commitment
		n := (limit - 4096) / perCm
		add(c.fn, "valid-"+strconv.Itoa(n)+"-commitments", c.cv.synth(g16Spec{nc: n}).input())
		n = (limit - 4096) / (s.g1c + 32)
		add(c.fn, "valid-"+strconv.Itoa(n)+"-public-inputs", c.cv.synth(g16Spec{nPub: n}).input())
		n = (limit - 4096) / 8
		add(c.fn, "valid-"+strconv.Itoa(n)+"-committed-indexes", c.cv.synth(g16Spec{nPub: 1, nc: 1, nIdx: n}).input())
	}

	// gnark PLONK: the smallest valid example, grown.
	for _, c := range []struct {
		fn string
		s  *pointSizes
	}{{"plonk_bn254_gnark_verify", &bnSizes}, {"plonk_bls12381_gnark_verify", &blsSizes}} {
		s := c.s
		in := gnarkPlonkExamples()[c.fn][0].Input // 1 public input, 1 commitment
		sec := sectionsOf(in)
		vk, pr, w := sec[0], sec[1], sec[2]
		cm := pr[len(pr)-s.g1c:]
		// A proof with as many commitments as the limit allows.
		nCm := (limit - 12 - len(vk) - len(pr) - len(w)) / s.g1c
		p2 := binary.BigEndian.AppendUint32(append([]byte(nil), pr[:len(pr)-4-s.g1c]...), uint32(nCm))
		for range nCm {
			p2 = append(p2, cm...)
		}
		add(c.fn, "proof-"+strconv.Itoa(nCm)+"-commitments", threeSectionInput(vk, p2, w))

		// Consistent: n Qcp, n indexes, n commitments, 6+n claimed values.
		n := (limit - 12 - len(vk) - len(pr) - len(w)) / (2*s.g1c + 8 + s.fr)
		add(c.fn, "consistent-"+strconv.Itoa(n)+"-commitments", plonkGrow(vk, pr, w, s, n, 0))
		// Consistent: as many public inputs as fit.
		n = (limit - 12 - len(vk) - len(pr) - len(w)) / s.fr
		add(c.fn, "consistent-"+strconv.Itoa(n)+"-public-inputs", plonkGrow(vk, pr, w, s, 0, n))
	}

	add("plonk_bn254_snarkjs_verify", "nPublic-"+strconv.Itoa(sjMaxPublic), snarkjsPublic(sjMaxPublic))

	m[dplonk.Name] = append(m[dplonk.Name], dplonk.Hostile()...)

	add("groth16_bn254_verify", "inputs-"+strconv.Itoa(bnMaxInputs-1), groth16Example(false, bnMaxInputs-1))
	add("groth16_bls12381_verify", "inputs-"+strconv.Itoa(bnMaxInputs-1), groth16Example(true, bnMaxInputs-1))
	return m
}

// plonkGrow returns a gnark PLONK input (compressed key, proof and witness
// of a valid proof with one commitment) grown by nc more BSB22 commitments
// (Qcp points, constraint indexes, proof commitments and claimed values,
// copies of the first) and nPub more public inputs. The counts agree, so
// every point is decoded; the verifier rejects it at its algebraic check.
func plonkGrow(vk, pr, w []byte, s *pointSizes, nc, nPub int) []byte {
	// Key: ... u64 nbPublic (offset 24+2fr) ... | u32 k | k × Qcp | [1]G1 [1]G2 [α]G2 lines | u32 m | m × u64
	v := append([]byte(nil), vk...)
	offPub := 24 + 2*s.fr
	binary.BigEndian.PutUint64(v[offPub:], binary.BigEndian.Uint64(v[offPub:])+uint64(nPub))
	binary.BigEndian.PutUint64(v[16:], 1<<20) // domain size: room for the inputs
	offK := offPub + 8 + s.fr + 8*s.g1c
	k := int(binary.BigEndian.Uint32(v[offK:]))
	binary.BigEndian.PutUint32(v[offK:], uint32(k+nc))
	qcp := v[offK+4 : offK+4+s.g1c]
	tail := append([]byte(nil), v[offK+4+k*s.g1c:]...)
	v = v[:offK+4+k*s.g1c]
	for range nc {
		v = append(v, qcp...)
	}
	m := int(binary.BigEndian.Uint32(tail[len(tail)-4-8*k:]))
	idx := tail[len(tail)-8*k:]
	tail = binary.BigEndian.AppendUint32(tail[:len(tail)-4-8*k], uint32(m+nc))
	tail = append(tail, idx...)
	for range nc {
		tail = append(tail, idx[:8]...)
	}
	v = append(v, tail...)

	// Proof: 8 G1 | u32 claimed | claimed × fr | G1 | fr | u32 c | c × G1
	off := 8 * s.g1c
	nClaimed := int(binary.BigEndian.Uint32(pr[off:]))
	p := append([]byte(nil), pr[:off]...)
	p = binary.BigEndian.AppendUint32(p, uint32(nClaimed+nc))
	claimed := pr[off+4 : off+4+nClaimed*s.fr]
	p = append(p, claimed...)
	for range nc {
		p = append(p, claimed[len(claimed)-s.fr:]...)
	}
	rest := pr[off+4+nClaimed*s.fr:]
	p = append(p, rest[:s.g1c+s.fr]...)
	rest = rest[s.g1c+s.fr:]
	c := int(binary.BigEndian.Uint32(rest))
	p = binary.BigEndian.AppendUint32(p, uint32(c+nc))
	p = append(p, rest[4:]...)
	for range nc {
		p = append(p, rest[4:4+s.g1c]...)
	}

	// Witness: u32 nbPublic | u32 0 | u32 len | scalars.
	n := binary.BigEndian.Uint32(w)
	x := binary.BigEndian.AppendUint32(nil, n+uint32(nPub))
	x = binary.BigEndian.AppendUint32(x, 0)
	x = binary.BigEndian.AppendUint32(x, n+uint32(nPub))
	x = append(x, w[12:]...)
	for i := range nPub {
		x = append(x, exScalar("plonk public", i, big.NewInt(1<<62)).FillBytes(make([]byte, s.fr))...)
	}
	return threeSectionInput(v, p, x)
}
