package zk

import (
	"encoding/binary"
	"math/big"
	"unsafe"

	"github.com/consensys/gnark-crypto/ecc"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
)

// EIP-197 sizes: a G1 point is x || y (32-byte big-endian each), a G2 point
// is x.c1 || x.c0 || y.c1 || y.c0 (imaginary part first); all zero bytes
// encode the point at infinity.
const (
	bnG1Size = 64
	bnG2Size = 128
	bnFrSize = 32
)

// bnFr decodes a canonical 32-byte big-endian scalar (< r).
func bnFr(z *fr.Element, b []byte) error {
	if err := z.SetBytesCanonical(b[:32]); err != nil {
		return core.Errorf(core.CodeNonCanonical, "zk: bn254 scalar >= r")
	}
	return nil
}

// decodeBnG1 decodes an EIP-197 G1 point (curves/bn254): coordinates < p,
// on y² = x³ + 3 (the cofactor is 1, so that is the whole subgroup check),
// or the all-zero encoding of infinity.
func decodeBnG1(p *bn.G1Affine, b []byte) (err error) {
	*p, err = bn254.DecodeG1(b[:bnG1Size])
	return err
}

// decodeBnG2 decodes an EIP-197 G2 point (imaginary part first): on the
// twist and in the order-r subgroup, or the all-zero encoding of infinity.
func decodeBnG2(p *bn.G2Affine, b []byte) error {
	return decodeBnG2Checked(p, b, true)
}

func decodeBnG2Checked(p *bn.G2Affine, b []byte, subgroup bool) (err error) {
	if *p, err = bn254.DecodeG2(b[:bnG2Size]); err != nil || !subgroup || p.IsInfinity() {
		return err
	}
	return bn254.SubgroupCheckG2(p)
}

// decodeBnG2OnCurve is decodeBnG2 without the subgroup check, for a proof
// point whose subgroup check verify runs (see checkSubgroupBnG2).
func decodeBnG2OnCurve(p *bn.G2Affine, b []byte) error {
	return decodeBnG2Checked(p, b, false)
}

// checkSubgroupBnG2 returns ErrNotInSubgroup unless p is in the order-r subgroup.
func checkSubgroupBnG2(p *bn.G2Affine) error { return bn254.SubgroupCheckG2(p) }

// bnGroth16VK is a prepared BN254 Groth16 verifying key: the decoded points,
// e(α, β) and the Miller-loop line evaluations of γ and δ, so that a
// verification runs one variable-Q Miller loop (for the proof's B) and a
// fixed-Q loop for the rest.
type bnGroth16VK struct {
	ic []bn.G1Affine // IC_0 .. IC_{n-1}; IC_0 pairs with the constant 1
	// eAlphaBeta = e(α, β) in GT.
	eAlphaBeta bn.GT
	// lines[0] are γ's line evaluations, lines[1] δ's.
	lines [][2][len(bn.LoopCounter)]bn.LineEvaluationAff

	// BSB22 (gnark Pedersen commitment) extension; empty for plain Groth16.
	commit bnCommitInfo
}

// prepareBnGroth16 builds the prepared key from decoded points.
func prepareBnGroth16(alpha *bn.G1Affine, beta, gamma, delta *bn.G2Affine, ic []bn.G1Affine) (*bnGroth16VK, error) {
	vk := &bnGroth16VK{ic: ic}
	e, err := bn.Pair([]bn.G1Affine{*alpha}, []bn.G2Affine{*beta})
	if err != nil {
		return nil, core.Errorf(core.CodeInternal, "zk: internal error: %v", err)
	}
	vk.eAlphaBeta = e
	vk.lines = [][2][len(bn.LoopCounter)]bn.LineEvaluationAff{bn.PrecomputeLines(*gamma), bn.PrecomputeLines(*delta)}
	return vk, nil
}

// size estimates the prepared key's memory, for the cache's byte budget.
func (vk *bnGroth16VK) size() int {
	n := int(unsafe.Sizeof(*vk)) + len(vk.ic)*int(unsafe.Sizeof(bn.G1Affine{})) +
		len(vk.lines)*int(unsafe.Sizeof(vk.lines[0])) +
		len(vk.commit.keys)*int(unsafe.Sizeof(vk.commit.keys[0]))
	for _, idx := range vk.commit.publicCommitted {
		n += 24 + 8*len(idx)
	}
	return n
}

// bnGroth16Proof is a decoded proof (A, B, C) in G1 × G2 × G1.
type bnGroth16Proof struct {
	a bn.G1Affine
	b bn.G2Affine
	c bn.G1Affine
}

// verify checks the Groth16 equation
//
//	e(A, B) = e(α, β) · e(L, γ) · e(C, δ),  L = extra + IC_0 + Σ xᵢ·IC_{i+1}
//
// as e(A, B) · e(−L, γ) · e(−C, δ) = e(α, β): one Miller loop over (A, B),
// one fixed-Q Miller loop over (−L, −C) with the prepared lines of γ and δ,
// one final exponentiation, compared with the prepared e(α, β). extra is
// added to L (the BSB22 commitments; nil for plain Groth16). With checkB,
// B's subgroup membership is checked here, last in the decoding order
// (ErrNotInSubgroup). Variable time.
func (vk *bnGroth16VK) verify(pr *bnGroth16Proof, inputs []fr.Element, extra []bn.G1Affine, checkB bool) (bool, error) {
	if len(inputs)+1 != len(vk.ic) {
		return false, nil
	}
	// e(A, B)'s Miller loop (and B's subgroup check) is independent of the
	// rest: with GOMAXPROCS > 1 it runs on another goroutine, as in gnark's
	// verifier. A panic there would escape core.Execute's recover, so the
	// goroutine recovers its own.
	var f2 bn.GT
	var err2 error
	var done chan struct{}
	bCheck := func() error {
		if checkB {
			return checkSubgroupBnG2(&pr.b)
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
				f2, err2 = bn.MillerLoop([]bn.G1Affine{pr.a}, []bn.G2Affine{pr.b})
			}
		}()
	}
	l := linCombBn(vk.ic, inputs, msmThreshold)
	for i := range extra {
		l.AddMixed(&extra[i])
	}
	var p [2]bn.G1Affine
	p[0].FromJacobian(&l)
	p[0].Neg(&p[0])
	p[1].Neg(&pr.c)
	// MillerLoopFixedQ evaluates the lines in place: give it a copy.
	var lines [2][2][len(bn.LoopCounter)]bn.LineEvaluationAff
	copy(lines[:], vk.lines)
	f1, err := bn.MillerLoopFixedQ(p[:], lines[:])
	if done != nil {
		<-done
	} else {
		if err2 = bCheck(); err2 == nil {
			f2, err2 = bn.MillerLoop([]bn.G1Affine{pr.a}, []bn.G2Affine{pr.b})
		}
	}
	if c := core.CodeOf(err2); c == core.CodeNotInSubgroup || c == core.CodeInternal {
		return false, err2
	}
	if err != nil || err2 != nil {
		return false, nil
	}
	f := bn.FinalExponentiation(&f1, &f2)
	return f.Equal(&vk.eAlphaBeta), nil
}

// groth16 BN254 EIP-197 layout offsets.
const (
	bnVKFixed   = bnG1Size + 3*bnG2Size + 4 // alpha, beta, gamma, delta, n
	bnProofSize = 2*bnG1Size + bnG2Size
	bnMaxInputs = 1 << 12
	bnEIPTag    = "groth16_bn254_verify"
)

var bnEIPCache = newLRU[*bnGroth16VK]()

// bnGroth16Count returns n (the IC count) from the header, or 0.
func bnGroth16Count(in []byte) uint64 {
	if len(in) < bnVKFixed {
		return 0
	}
	return uint64(binary.BigEndian.Uint32(in[bnVKFixed-4:]))
}

// bnGroth16Items is the gas item count: the number of public inputs (n−1),
// bounded by what the input length can hold.
func bnGroth16Items(in []byte) uint64 {
	n := bnGroth16Count(in)
	if n == 0 {
		return 0
	}
	return min(n-1, uint64(len(in))/96)
}

// runBnGroth16 is groth16_bn254_verify.
func runBnGroth16(dst, in []byte) ([]byte, error) {
	if len(in) < bnVKFixed {
		return dst, core.Errorf(core.CodeMalformed, "zk: groth16 input shorter than the verifying key header")
	}
	n := bnGroth16Count(in)
	if n == 0 || n > bnMaxInputs {
		return dst, core.Errorf(core.CodeMalformed, "zk: groth16 IC count %d out of range", n)
	}
	vkLen := bnVKFixed + int(n)*bnG1Size
	if uint64(len(in)) != uint64(vkLen)+bnProofSize+(n-1)*bnFrSize {
		return dst, core.Errorf(core.CodeMalformed, "zk: groth16 input length %d does not match IC count %d", len(in), n)
	}
	vkb, rest := in[:vkLen], in[vkLen:]
	var pr bnGroth16Proof
	if err := decodeBnG1(&pr.a, rest[0:64]); err != nil {
		return dst, err
	}
	if err := decodeBnG2OnCurve(&pr.b, rest[64:192]); err != nil {
		return dst, err
	}
	if err := decodeBnG1(&pr.c, rest[192:256]); err != nil {
		return dst, err
	}
	inputs := make([]fr.Element, n-1)
	for i := range inputs {
		if err := bnFr(&inputs[i], rest[256+32*i:]); err != nil {
			return dst, err
		}
	}
	k := keyOf(bnEIPTag, vkb)
	vk, hit := bnEIPCache.get(k)
	if !hit {
		var err error
		if vk, err = parseBnGroth16VK(vkb, int(n)); err != nil {
			return dst, err
		}
	}
	ok, err := vk.verify(&pr, inputs, nil, true)
	if err != nil {
		return dst, err
	}
	if ok && !hit {
		bnEIPCache.put(k, vk, vk.size())
	}
	return core.Verdict(dst, ok), nil
}

// parseBnGroth16VK decodes and prepares an EIP-197 verifying key of n IC points.
func parseBnGroth16VK(b []byte, n int) (*bnGroth16VK, error) {
	var alpha bn.G1Affine
	var beta, gamma, delta bn.G2Affine
	if err := decodeBnG1(&alpha, b[0:]); err != nil {
		return nil, err
	}
	if err := decodeBnG2(&beta, b[64:]); err != nil {
		return nil, err
	}
	if err := decodeBnG2(&gamma, b[192:]); err != nil {
		return nil, err
	}
	if err := decodeBnG2(&delta, b[320:]); err != nil {
		return nil, err
	}
	ic := make([]bn.G1Affine, n)
	for i := range ic {
		if err := decodeBnG1(&ic[i], b[bnVKFixed+64*i:]); err != nil {
			return nil, err
		}
	}
	return prepareBnGroth16(&alpha, &beta, &gamma, &delta, ic)
}

// linCombBn returns IC_0 + Σ xᵢ·IC_{i+1} in Jacobian coordinates: GLV
// scalar multiplications for up to threshold inputs, a multi-scalar
// multiplication (Pippenger, one task) above. Variable time.
func linCombBn(ic []bn.G1Affine, inputs []fr.Element, threshold int) bn.G1Jac {
	var l bn.G1Jac
	l.FromAffine(&ic[0])
	if len(inputs) > 0 {
		if len(inputs) <= threshold {
			var t bn.G1Jac
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
			var m bn.G1Jac
			if _, err := m.MultiExp(ic[1:], inputs, ecc.MultiExpConfig{NbTasks: 1}); err != nil {
				panic("zk: internal error: " + err.Error())
			}
			l.AddAssign(&m)
		}
	}
	return l
}
