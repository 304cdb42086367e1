package zk

import (
	"encoding/binary"
	"math/big"
	"unsafe"

	"github.com/consensys/gnark-crypto/ecc"
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
)

// EIP-2537 sizes: a base-field element is 64 bytes (16 zero bytes, then the
// 48-byte big-endian value); G1 = x || y (128 bytes); G2 = x.c0 || x.c1 ||
// y.c0 || y.c1 (256 bytes); all zero bytes encode the point at infinity.
const (
	blsFpSize = 64
	blsG1Size = 128
	blsG2Size = 256
	blsFrSize = 32
)

// decodeBlsG1 decodes an EIP-2537 G1 point (curves/bls12381): on
// y² = x³ + 4 and in the order-r subgroup, or the all-zero encoding of
// infinity.
func decodeBlsG1(p *bls.G1Affine, b []byte) (err error) {
	if *p, err = bls12381.DecodeG1EIP2537(b[:128]); err != nil || p.IsInfinity() {
		return err
	}
	return bls12381.SubgroupCheckG1(p)
}

// decodeBlsG2 decodes an EIP-2537 G2 point (c0 first): on the twist and in
// the order-r subgroup, or the all-zero encoding of infinity.
func decodeBlsG2(p *bls.G2Affine, b []byte) error {
	return decodeBlsG2Checked(p, b, true)
}

func decodeBlsG2Checked(p *bls.G2Affine, b []byte, subgroup bool) (err error) {
	if *p, err = bls12381.DecodeG2EIP2537(b[:256]); err != nil || !subgroup || p.IsInfinity() {
		return err
	}
	return bls12381.SubgroupCheckG2(p)
}

// decodeBlsG2OnCurve is decodeBlsG2 without the subgroup check, for a proof
// point whose subgroup check verify runs (see checkSubgroupBlsG2).
func decodeBlsG2OnCurve(p *bls.G2Affine, b []byte) error {
	return decodeBlsG2Checked(p, b, false)
}

// checkSubgroupBlsG2 returns ErrNotInSubgroup unless p is in the order-r subgroup.
func checkSubgroupBlsG2(p *bls.G2Affine) error { return bls12381.SubgroupCheckG2(p) }

// blsGroth16VK is a prepared BLS12-381 Groth16 verifying key (see bnGroth16VK).
type blsGroth16VK struct {
	ic         []bls.G1Affine
	eAlphaBeta bls.GT
	lines      [][2][len(bls.LoopCounter) - 1]bls.LineEvaluationAff

	// BSB22 (gnark Pedersen commitment) extension; empty for plain Groth16.
	commit blsCommitInfo
}

// size estimates the prepared key's memory, for the cache's byte budget.
func (vk *blsGroth16VK) size() int {
	n := int(unsafe.Sizeof(*vk)) + len(vk.ic)*int(unsafe.Sizeof(bls.G1Affine{})) +
		len(vk.lines)*int(unsafe.Sizeof(vk.lines[0])) +
		len(vk.commit.keys)*int(unsafe.Sizeof(vk.commit.keys[0]))
	for _, idx := range vk.commit.publicCommitted {
		n += 24 + 8*len(idx)
	}
	return n
}

type blsGroth16Proof struct {
	a bls.G1Affine
	b bls.G2Affine
	c bls.G1Affine
}

// verify checks e(A, B) · e(−L, γ) · e(−C, δ) = e(α, β) with
// L = extra + IC_0 + Σ xᵢ·IC_{i+1}, as bnGroth16VK.verify does. Variable time.
func (vk *blsGroth16VK) verify(pr *blsGroth16Proof, inputs []fr.Element, extra []bls.G1Affine, checkB bool) (bool, error) {
	if len(inputs)+1 != len(vk.ic) {
		return false, nil
	}
	// e(A, B)'s Miller loop (and B's subgroup check) is independent of the
	// rest: with GOMAXPROCS > 1 it runs on another goroutine, as in gnark's
	// verifier. A panic there would escape core.Execute's recover, so the
	// goroutine recovers its own.
	var f2 bls.GT
	var err2 error
	var done chan struct{}
	bCheck := func() error {
		if checkB {
			return checkSubgroupBlsG2(&pr.b)
		}
		return nil
	}
	if parallel() {
		done = make(chan struct{})
		go func() {
			defer func() {
				if r := recover(); r != nil {
					err2 = core.Errorf(core.CodeInternal, "zk: internal error: %v", r)
				}
				close(done)
			}()
			if err2 = bCheck(); err2 == nil {
				f2, err2 = bls.MillerLoop([]bls.G1Affine{pr.a}, []bls.G2Affine{pr.b})
			}
		}()
	}
	l := linCombBls(vk.ic, inputs, msmThreshold)
	for i := range extra {
		l.AddMixed(&extra[i])
	}
	var p [2]bls.G1Affine
	p[0].FromJacobian(&l)
	p[0].Neg(&p[0])
	p[1].Neg(&pr.c)
	// MillerLoopFixedQ evaluates the lines in place: give it a copy.
	var lines [2][2][len(bls.LoopCounter) - 1]bls.LineEvaluationAff
	copy(lines[:], vk.lines)
	f1, err := bls.MillerLoopFixedQ(p[:], lines[:])
	if done != nil {
		<-done
	} else {
		if err2 = bCheck(); err2 == nil {
			f2, err2 = bls.MillerLoop([]bls.G1Affine{pr.a}, []bls.G2Affine{pr.b})
		}
	}
	if c := core.CodeOf(err2); c == core.CodeNotInSubgroup || c == core.CodeInternal {
		return false, err2
	}
	if err != nil || err2 != nil {
		return false, nil
	}
	f := bls.FinalExponentiation(&f1, &f2)
	return f.Equal(&vk.eAlphaBeta), nil
}

const (
	blsVKFixed   = blsG1Size + 3*blsG2Size + 4
	blsProofSize = 2*blsG1Size + blsG2Size
	blsEIPTag    = "groth16_bls12381_verify"
)

var blsEIPCache = newLRU[*blsGroth16VK]()

func blsGroth16Count(in []byte) uint64 {
	if len(in) < blsVKFixed {
		return 0
	}
	return uint64(binary.BigEndian.Uint32(in[blsVKFixed-4:]))
}

// blsGroth16Items is the number of public inputs (n−1), bounded by what the
// input length can hold (each input adds a 128-byte IC point and 32 bytes).
func blsGroth16Items(in []byte) uint64 {
	n := blsGroth16Count(in)
	if n == 0 {
		return 0
	}
	return min(n-1, uint64(len(in))/160)
}

// runBlsGroth16 is groth16_bls12381_verify.
func runBlsGroth16(dst, in []byte) ([]byte, error) {
	if len(in) < blsVKFixed {
		return dst, core.Errorf(core.CodeMalformed, "zk: groth16 input shorter than the verifying key header")
	}
	n := blsGroth16Count(in)
	if n == 0 || n > bnMaxInputs {
		return dst, core.Errorf(core.CodeMalformed, "zk: groth16 IC count %d out of range", n)
	}
	vkLen := blsVKFixed + int(n)*blsG1Size
	if uint64(len(in)) != uint64(vkLen)+blsProofSize+(n-1)*blsFrSize {
		return dst, core.Errorf(core.CodeMalformed, "zk: groth16 input length %d does not match IC count %d", len(in), n)
	}
	vkb, rest := in[:vkLen], in[vkLen:]
	var pr blsGroth16Proof
	if err := decodeBlsG1(&pr.a, rest[0:128]); err != nil {
		return dst, err
	}
	if err := decodeBlsG2OnCurve(&pr.b, rest[128:384]); err != nil {
		return dst, err
	}
	if err := decodeBlsG1(&pr.c, rest[384:512]); err != nil {
		return dst, err
	}
	inputs := make([]fr.Element, n-1)
	for i := range inputs {
		if err := inputs[i].SetBytesCanonical(rest[512+32*i : 544+32*i]); err != nil {
			return dst, core.Errorf(core.CodeNonCanonical, "zk: bls12-381 scalar >= r")
		}
	}
	k := keyOf(blsEIPTag, vkb)
	vk, hit := blsEIPCache.get(k)
	if !hit {
		var err error
		if vk, err = parseBlsGroth16VK(vkb, int(n)); err != nil {
			return dst, err
		}
	}
	ok, err := vk.verify(&pr, inputs, nil, true)
	if err != nil {
		return dst, err
	}
	if ok && !hit {
		blsEIPCache.put(k, vk, vk.size())
	}
	return core.Verdict(dst, ok), nil
}

// parseBlsGroth16VK decodes and prepares an EIP-2537 verifying key.
func parseBlsGroth16VK(b []byte, n int) (*blsGroth16VK, error) {
	var alpha bls.G1Affine
	var beta, gamma, delta bls.G2Affine
	if err := decodeBlsG1(&alpha, b[0:]); err != nil {
		return nil, err
	}
	if err := decodeBlsG2(&beta, b[128:]); err != nil {
		return nil, err
	}
	if err := decodeBlsG2(&gamma, b[384:]); err != nil {
		return nil, err
	}
	if err := decodeBlsG2(&delta, b[640:]); err != nil {
		return nil, err
	}
	ic := make([]bls.G1Affine, n)
	for i := range ic {
		if err := decodeBlsG1(&ic[i], b[blsVKFixed+128*i:]); err != nil {
			return nil, err
		}
	}
	return prepareBlsGroth16(&alpha, &beta, &gamma, &delta, ic)
}

// prepareBlsGroth16 builds the prepared key from decoded points.
func prepareBlsGroth16(alpha *bls.G1Affine, beta, gamma, delta *bls.G2Affine, ic []bls.G1Affine) (*blsGroth16VK, error) {
	vk := &blsGroth16VK{ic: ic}
	e, err := bls.Pair([]bls.G1Affine{*alpha}, []bls.G2Affine{*beta})
	if err != nil {
		return nil, core.Errorf(core.CodeInternal, "zk: internal error: %v", err)
	}
	vk.eAlphaBeta = e
	vk.lines = [][2][len(bls.LoopCounter) - 1]bls.LineEvaluationAff{bls.PrecomputeLines(*gamma), bls.PrecomputeLines(*delta)}
	return vk, nil
}

// linCombBls returns IC_0 + Σ xᵢ·IC_{i+1} in Jacobian coordinates: GLV
// scalar multiplications for up to threshold inputs, a multi-scalar
// multiplication (Pippenger, one task) above. Variable time.
func linCombBls(ic []bls.G1Affine, inputs []fr.Element, threshold int) bls.G1Jac {
	var l bls.G1Jac
	l.FromAffine(&ic[0])
	if len(inputs) <= threshold {
		var t bls.G1Jac
		var k big.Int
		for i := range inputs {
			if inputs[i].IsZero() {
				continue
			}
			inputs[i].BigInt(&k)
			t.FromAffine(&ic[i+1])
			t.ScalarMultiplication(&t, &k)
			l.AddAssign(&t)
		}
	} else {
		var m bls.G1Jac
		if _, err := m.MultiExp(ic[1:], inputs, ecc.MultiExpConfig{NbTasks: 1}); err != nil {
			panic("zk: internal error: " + err.Error())
		}
		l.AddAssign(&m)
	}
	return l
}
