package dplonk

import (
	"encoding/binary"
	"math/bits"
	"unsafe"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/vkcache"
)

// Sizes of dusk-plonk's serialized keys (widget.rs, kzg10/key.rs).
const (
	// verifierKeySize is VerifierKey::SIZE: u64 n, then 20 commitment
	// slots of which 15 are written (the last 5 stay zero and are ignored).
	verifierKeySize = 8 + 20*g1Size
	// openingKeySize is OpeningKey::SIZE: g (G1) || h (G2) || x·h (G2).
	openingKeySize = g1Size + 2*g2Size
	// verifierHeader is the 6 big-endian u64 of Verifier::to_bytes.
	verifierHeader = 48
)

// verifierKey is widget::VerifierKey: the selector and permutation
// commitments of one circuit and its constraint count n.
type verifierKey struct {
	n uint64
	// In serialization order: q_m q_l q_r q_o q_f q_c q_arith q_logic
	// q_range q_fixed_group_add q_variable_group_add s_sigma_1..4.
	qM, qL, qR, qO, qF, qC, qArith, qLogic, qRange, qFixed, qVar bls12381.G1Affine
	s1, s2, s3, s4                                               bls12381.G1Affine
	// raw holds each commitment's 48 encoded bytes (canonical, so equal to
	// Commitment::to_bytes), in serialization order, for the transcript.
	raw [15][g1Size]byte
}

const (
	iQM = iota
	iQL
	iQR
	iQO
	iQF
	iQC
	iQArith
	iQLogic
	iQRange
	iQFixed
	iQVar
	iS1
	iS2
	iS3
	iS4
)

// domain is the radix-2 EvaluationDomain of size n.next_power_of_two().
type domain struct {
	size    uint64
	logSize uint
	sizeFr  fr.Element
	sizeInv fr.Element
	gen     fr.Element // primitive size-th root of unity ω
	genInv  fr.Element
}

// rootOfUnity is ROOT_OF_UNITY of BLS12-381 Fr: 7^((r-1)/2^32), a
// primitive 2^32-th root of unity (7 is the multiplicative generator).
var rootOfUnity fr.Element

func init() {
	var seven fr.Element
	seven.SetUint64(7)
	// t = (r-1) / 2^32
	t := fr.Modulus()
	t.Rsh(t, 32)
	rootOfUnity.Exp(seven, t)
}

// newDomain is EvaluationDomain::new(n): size = n rounded up to a power
// of two (1 for n = 0), ω = ROOT_OF_UNITY^(2^(32-log size)). Sizes of 2^32
// and above are rejected as in dusk-plonk (TWO_ADACITY = 32).
func newDomain(n uint64) (domain, error) {
	var d domain
	if n > 1<<31 {
		return d, core.Errorf(core.CodeMalformed, "dplonk: circuit size %d exceeds 2^31", n)
	}
	size := uint64(1)
	if n > 1 {
		size = 1 << uint(bits.Len64(n-1))
	}
	d.size = size
	d.logSize = uint(bits.TrailingZeros64(size))
	d.sizeFr.SetUint64(size)
	d.sizeInv.Inverse(&d.sizeFr)
	d.gen = rootOfUnity
	for i := d.logSize; i < 32; i++ {
		d.gen.Square(&d.gen)
	}
	d.genInv.Inverse(&d.gen)
	return d, nil
}

// powSize returns x^size by log2(size) squarings.
func (d *domain) powSize(x *fr.Element) fr.Element {
	r := *x
	for i := uint(0); i < d.logSize; i++ {
		r.Square(&r)
	}
	return r
}

// prepared is a decoded Verifier (compiler/verifier.rs) with everything
// that does not depend on the proof precomputed: the evaluation domain,
// the Miller-loop lines of h and x·h, and the two seeded transcripts.
type prepared struct {
	vk    verifierKey
	g     bls12381.G1Affine
	h, xh bls12381.G2Affine
	// lines holds the Miller-loop lines of x·h, then of h (zero for the
	// identity, which pairingCheck drops).
	lines     [][2][len(bls12381.LoopCounter) - 1]bls12381.LineEvaluationAff
	piIndexes []uint64
	// piOmegaInv[i] = ω^(−piIndexes[i]), for the public-input evaluation.
	piOmegaInv []fr.Element
	// fixed maps each non-identity point of the verifier key and g to its
	// width-7 odd-multiple tables for msmGLV.
	fixed map[*bls12381.G1Affine]*oddTable
	size  uint64 // the Verifier's `size` (length of the dense public-input vector)
	dom   domain
	// tLegacy is Transcript::base (V1, V2: s_sigma_1 appended under the
	// label s_sigma_4); tV3 is Transcript::base_v3 (binds s_sigma_4).
	tLegacy, tV3 transcript
}

// parseVerifier decodes Verifier::to_bytes (Verifier::try_from_bytes):
//
//	u64be label_len || u64be vk_len || u64be ok_len || u64be n_pi ||
//	u64be size || u64be constraints || label || vk (vk_len >= 968) ||
//	ok (ok_len >= 240) || n_pi x u64be public-input gate index
//
// Like dusk-plonk, bytes after the last index are ignored, as are vk and ok
// bytes past their fixed sizes.
func parseVerifier(b []byte) (*prepared, error) {
	if len(b) < verifierHeader {
		return nil, core.Errorf(core.CodeMalformed, "dplonk: verifier data shorter than its header")
	}
	labelLen := binary.BigEndian.Uint64(b[0:])
	vkLen := binary.BigEndian.Uint64(b[8:])
	okLen := binary.BigEndian.Uint64(b[16:])
	nPI := binary.BigEndian.Uint64(b[24:])
	size := binary.BigEndian.Uint64(b[32:])
	constraints := binary.BigEndian.Uint64(b[40:])
	rest := b[verifierHeader:]
	avail := uint64(len(rest))
	if labelLen > avail || vkLen > avail || okLen > avail || nPI > avail/8 ||
		labelLen+vkLen+okLen+nPI*8 > avail {
		return nil, core.Errorf(core.CodeMalformed, "dplonk: verifier data truncated")
	}
	label := rest[:labelLen]
	rest = rest[labelLen:]
	vkb := rest[:vkLen]
	rest = rest[vkLen:]
	okb := rest[:okLen]
	rest = rest[okLen:]
	if vkLen < verifierKeySize || okLen < openingKeySize {
		return nil, core.Errorf(core.CodeMalformed, "dplonk: verifier or opening key too short")
	}

	p := &prepared{size: size}
	vk := &p.vk
	vk.n = binary.LittleEndian.Uint64(vkb)
	pts := [15]*bls12381.G1Affine{&vk.qM, &vk.qL, &vk.qR, &vk.qO, &vk.qF, &vk.qC, &vk.qArith,
		&vk.qLogic, &vk.qRange, &vk.qFixed, &vk.qVar, &vk.s1, &vk.s2, &vk.s3, &vk.s4}
	for i, pt := range pts {
		enc := vkb[8+i*g1Size : 8+(i+1)*g1Size]
		q, err := decodeG1(enc)
		if err != nil {
			return nil, err
		}
		*pt = q
		copy(vk.raw[i][:], enc)
	}
	var err error
	if p.g, err = decodeG1(okb); err != nil {
		return nil, err
	}
	if p.h, err = decodeG2(okb[g1Size:]); err != nil {
		return nil, err
	}
	if p.xh, err = decodeG2(okb[g1Size+g2Size:]); err != nil {
		return nil, err
	}
	p.piIndexes = make([]uint64, nPI)
	for i := range p.piIndexes {
		idx := binary.BigEndian.Uint64(rest[8*i:])
		if idx >= size {
			// dusk-plonk indexes a vector of `size` zeros with it (and
			// panics); here it is a malformed verifier.
			return nil, core.Errorf(core.CodeMalformed, "dplonk: public input index %d outside size %d", idx, size)
		}
		p.piIndexes[i] = idx
	}
	if p.dom, err = newDomain(vk.n); err != nil {
		return nil, err
	}
	p.piOmegaInv = make([]fr.Element, nPI)
	// ω has order size, so ω^(−i) = ω^(−(i mod size)): at most 31
	// multiplications by the precomputed ω^(−2^j).
	var pow2 [31]fr.Element
	pow2[0] = p.dom.genInv
	for j := 1; j < len(pow2); j++ {
		pow2[j].Square(&pow2[j-1])
	}
	for i, idx := range p.piIndexes {
		e := idx & (p.dom.size - 1)
		r := &p.piOmegaInv[i]
		r.SetOne()
		for j := 0; e != 0; j, e = j+1, e>>1 {
			if e&1 == 1 {
				r.Mul(r, &pow2[j])
			}
		}
	}
	p.lines = make([][2][len(bls12381.LoopCounter) - 1]bls12381.LineEvaluationAff, 2)
	if !p.xh.IsInfinity() {
		p.lines[0] = bls12381.PrecomputeLines(p.xh)
	}
	if !p.h.IsInfinity() {
		p.lines[1] = bls12381.PrecomputeLines(p.h)
	}
	var fixedPts []bls12381.G1Affine
	var owners []*bls12381.G1Affine
	for _, pt := range append(pts[:], &p.g) {
		if !pt.IsInfinity() {
			fixedPts = append(fixedPts, *pt)
			owners = append(owners, pt)
		}
	}
	p.fixed = make(map[*bls12381.G1Affine]*oddTable, len(owners))
	if len(fixedPts) > 0 {
		tabs := newOddTables(fixedPts, fixedWidth)
		for i, o := range owners {
			p.fixed[o] = &tabs[i]
		}
	}
	p.tLegacy, p.tV3 = baseTranscripts(label, vk, constraints)
	return p, nil
}

// baseTranscripts returns Transcript::base (V1, V2) and
// Transcript::base_v3 (V3): Transcript::new(label), the circuit-size
// domain separator for `constraints`, then VerifierKey::seed_transcript,
// which commits s_sigma_1 a second time in place of s_sigma_4 before V3.
// The two share everything up to that message, computed once.
func baseTranscripts(label []byte, vk *verifierKey, constraints uint64) (legacy, v3 transcript) {
	t := newTranscript(label)
	circuitDomainSep(&t, constraints)
	seed := func(t *transcript, lbl string, i int) { t.appendMessage([]byte(lbl), vk.raw[i][:]) }
	seed(&t, "q_m", iQM)
	seed(&t, "q_l", iQL)
	seed(&t, "q_r", iQR)
	seed(&t, "q_o", iQO)
	seed(&t, "q_c", iQC)
	seed(&t, "q_f", iQF)
	seed(&t, "q_arith", iQArith)
	seed(&t, "q_range", iQRange)
	seed(&t, "q_logic", iQLogic)
	seed(&t, "q_variable_group_add", iQVar)
	seed(&t, "q_fixed_group_add", iQFixed)
	seed(&t, "s_sigma_1", iS1)
	seed(&t, "s_sigma_2", iS2)
	seed(&t, "s_sigma_3", iS3)
	legacy, v3 = t, t
	seed(&legacy, "s_sigma_4", iS1)
	seed(&v3, "s_sigma_4", iS4)
	circuitDomainSep(&legacy, vk.n)
	circuitDomainSep(&v3, vk.n)
	return legacy, v3
}

func circuitDomainSep(t *transcript, n uint64) {
	t.appendMessage([]byte("dom-sep"), []byte("circuit_size"))
	t.appendU64([]byte("n"), n)
}

// The prepared verifiers are cached in the zk verifiers' shared,
// byte-bounded LRU (internal/vkcache) under SHA-256 of a tag and the
// verifier data. A verifier is stored only after a proof verified with it,
// so failing calls never grow the cache; the gas rule charges every call
// as if it missed, so cache state never changes gas, output or status.
const cacheTag = "plonk_bls12381_dusk_verify"

// cached returns the prepared verifier for b when the cache holds it.
func cached(key vkcache.Key) (*prepared, bool) {
	x, ok := vkcache.Get(key)
	if !ok {
		return nil, false
	}
	p, ok := x.(*prepared)
	return p, ok
}

// loadVerifier returns the prepared verifier for b, from the cache when
// present, and whether it was.
func loadVerifier(key vkcache.Key, b []byte) (*prepared, bool, error) {
	if p, ok := cached(key); ok {
		return p, true, nil
	}
	p, err := parseVerifier(b)
	return p, false, err
}

// memSize estimates a prepared verifier's memory, for the cache budget.
func (p *prepared) memSize() int64 {
	n := int64(unsafe.Sizeof(*p)) + int64(len(p.lines))*int64(unsafe.Sizeof(p.lines[0])) +
		int64(len(p.piIndexes))*(8+int64(unsafe.Sizeof(fr.Element{})))
	for _, t := range p.fixed {
		n += 48 + int64(len(t.p)+len(t.phi))*int64(unsafe.Sizeof(bls12381.G1Affine{}))
	}
	return n
}

// verifierCounts reads the public-input count of Verifier::to_bytes from
// its header and checks the section lengths against the data, as
// parseVerifier does, without decoding anything: the count is compared
// with the public inputs before any point is decoded.
func verifierCounts(b []byte) (nPI uint64, err error) {
	if len(b) < verifierHeader {
		return 0, core.Errorf(core.CodeMalformed, "dplonk: verifier data shorter than its header")
	}
	labelLen := binary.BigEndian.Uint64(b[0:])
	vkLen := binary.BigEndian.Uint64(b[8:])
	okLen := binary.BigEndian.Uint64(b[16:])
	nPI = binary.BigEndian.Uint64(b[24:])
	avail := uint64(len(b) - verifierHeader)
	if labelLen > avail || vkLen > avail || okLen > avail || nPI > avail/8 ||
		labelLen+vkLen+okLen+nPI*8 > avail {
		return 0, core.Errorf(core.CodeMalformed, "dplonk: verifier data truncated")
	}
	if vkLen < verifierKeySize || okLen < openingKeySize {
		return 0, core.Errorf(core.CodeMalformed, "dplonk: verifier or opening key too short")
	}
	return nPI, nil
}
