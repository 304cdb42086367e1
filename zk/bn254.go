package zk

import (
	"encoding/binary"

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
