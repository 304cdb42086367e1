package zk

import (
	"encoding/binary"

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
