package zk

import (
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr/hash_to_field"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr/pedersen"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// groth16_bls12381_verify_gnark: gnark's Groth16 formats on BLS12-381, the
// same structure as the BN254 ones (see gnark_groth16.go); a point is
// compressed unless the three most significant bits of its first byte are
// 000 or 010.

// blsG1 reads a BLS12-381 G1 point in gnark-crypto encoding (48 bytes
// compressed, 96 uncompressed), checked on the curve and in the subgroup.
func (r *reader) blsG1(p *bls.G1Affine) {
	if r.err != nil || len(r.b) == 0 {
		r.fail("truncated gnark encoding")
		return
	}
	n := bls.SizeOfG1AffineUncompressed
	if blsSizes.compressed(r.b[0]) {
		n = bls.SizeOfG1AffineCompressed
	}
	b := r.next(n)
	if b == nil {
		return
	}
	if _, err := p.SetBytes(b); err != nil {
		r.setErr(core.Errorf(core.CodeInvalidPoint, "zk: bls12-381 G1 point: %v", err))
	}
}

// blsG2 reads a BLS12-381 G2 point (96 bytes compressed, 192 uncompressed),
// checked on the twist and in the order-r subgroup.
func (r *reader) blsG2(p *bls.G2Affine) {
	if r.err != nil || len(r.b) == 0 {
		r.fail("truncated gnark encoding")
		return
	}
	n := bls.SizeOfG2AffineUncompressed
	if blsSizes.compressed(r.b[0]) {
		n = bls.SizeOfG2AffineCompressed
	}
	b := r.next(n)
	if b == nil {
		return
	}
	if _, err := p.SetBytes(b); err != nil {
		r.setErr(core.Errorf(core.CodeInvalidPoint, "zk: bls12-381 G2 point: %v", err))
	}
}

// blsCommitInfo is the BSB22 part of a gnark Groth16 verifying key: one
// Pedersen verifying key per commitment, and for each the (1-based) indices
// of the public inputs the commitment also hashes.
type blsCommitInfo struct {
	keys            []pedersen.VerifyingKey
	publicCommitted [][]uint64
}

// parseGnarkBlsGroth16VK decodes a gnark groth16 BLS12-381 verifying key:
//
//	[α]1 [β]1 [β]2 [γ]2 [δ]1 [δ]2 | u32 len(K) | K (G1) |
//	u32 m | m × (u32 k | k × u64 index) | u32 c | c × ([G]2 [−σG]2)
func parseGnarkBlsGroth16VK(b []byte) (*blsGroth16VK, error) {
	r := &reader{b: b}
	var alpha, beta1, delta1 bls.G1Affine
	var beta, gamma, delta bls.G2Affine
	r.blsG1(&alpha)
	r.blsG1(&beta1)
	r.blsG2(&beta)
	r.blsG2(&gamma)
	r.blsG1(&delta1)
	r.blsG2(&delta)
	k := make([]bls.G1Affine, r.count(bls.SizeOfG1AffineCompressed))
	for i := range k {
		r.blsG1(&k[i])
	}
	var ci blsCommitInfo
	ci.publicCommitted = make([][]uint64, r.count(4))
	for i := range ci.publicCommitted {
		ci.publicCommitted[i] = make([]uint64, r.count(8))
		for j := range ci.publicCommitted[i] {
			ci.publicCommitted[i][j] = r.u64()
		}
	}
	ci.keys = make([]pedersen.VerifyingKey, r.count(2*bls.SizeOfG2AffineCompressed))
	for i := range ci.keys {
		r.blsG2(&ci.keys[i].G)
		r.blsG2(&ci.keys[i].GSigmaNeg)
	}
	if err := r.done(); err != nil {
		return nil, err
	}
	// Consistency, as gnark's Verify requires: one key per commitment, K
	// holds the constant wire, the public inputs and one entry per commitment.
	nc := len(ci.publicCommitted)
	if len(ci.keys) != nc {
		return nil, core.Errorf(core.CodeMalformed, "zk: gnark vk has %d commitment keys for %d commitments", len(ci.keys), nc)
	}
	if len(k) < nc+1 {
		return nil, core.Errorf(core.CodeMalformed, "zk: gnark vk K too short")
	}
	nbPublic := len(k) - nc - 1 // public inputs, without the constant wire
	for i, idx := range ci.publicCommitted {
		for _, j := range idx {
			// gnark hashes publicWitness[j-1], where the witness has grown
			// by one entry per earlier commitment.
			if j < 1 || j > uint64(nbPublic+i) {
				return nil, core.Errorf(core.CodeMalformed, "zk: gnark vk commitment index %d out of range", j)
			}
		}
	}
	vk, err := prepareBlsGroth16(&alpha, &beta, &gamma, &delta, k)
	if err != nil {
		return nil, err
	}
	vk.commit = ci
	return vk, nil
}

// parseGnarkBlsGroth16Proof decodes a gnark groth16 BLS12-381 proof:
//
//	[A]1 [B]2 [C]1 | u32 c | c × commitment (G1) | proof of knowledge (G1)
func parseGnarkBlsGroth16Proof(b []byte) (*blsGroth16Proof, []bls.G1Affine, *bls.G1Affine, error) {
	r := &reader{b: b}
	var pr blsGroth16Proof
	r.blsG1(&pr.a)
	r.blsG2(&pr.b)
	r.blsG1(&pr.c)
	cm := make([]bls.G1Affine, r.count(bls.SizeOfG1AffineCompressed))
	for i := range cm {
		r.blsG1(&cm[i])
	}
	var pok bls.G1Affine
	r.blsG1(&pok)
	if err := r.done(); err != nil {
		return nil, nil, nil, err
	}
	return &pr, cm, &pok, nil
}

// parseGnarkBlsWitness decodes gnark's public witness (witness.MarshalBinary
// of the public part): u32 nbPublic | u32 nbSecret (must be 0) | u32 len |
// len × 32-byte big-endian scalars < r.
func parseGnarkBlsWitness(b []byte) ([]fr.Element, error) {
	r := &reader{b: b}
	nbPublic := r.u32()
	nbSecret := r.u32()
	v := make([]fr.Element, r.count(fr.Bytes))
	for i := range v {
		s := r.next(fr.Bytes)
		if s == nil {
			break
		}
		if err := v[i].SetBytesCanonical(s); err != nil {
			return nil, core.Errorf(core.CodeNonCanonical, "zk: gnark witness scalar >= r")
		}
	}
	if err := r.done(); err != nil {
		return nil, err
	}
	if nbSecret != 0 || uint64(nbPublic) != uint64(len(v)) {
		return nil, core.Errorf(core.CodeMalformed, "zk: gnark witness is not a public witness (%d public, %d secret, %d values)", nbPublic, nbSecret, len(v))
	}
	return v, nil
}

const gnarkBlsG16Tag = "groth16_bls12381_verify_gnark"

var gnarkBlsG16Cache = newLRU[*blsGroth16VK]()

// runGnarkBlsGroth16 is groth16_bls12381_verify_gnark.
func runGnarkBlsGroth16(dst, in []byte) ([]byte, error) {
	sec, err := wire.Sections(in, 3, "zk")
	if err != nil {
		return dst, err
	}
	// Every count is checked against the lengths and the other sections
	// before any point is decoded.
	if _, err := scanGnarkGroth16(sec, &blsSizes, fr.Bytes); err != nil {
		return dst, err
	}
	pr, cm, pok, err := parseGnarkBlsGroth16Proof(sec[1])
	if err != nil {
		return dst, err
	}
	pub, err := parseGnarkBlsWitness(sec[2])
	if err != nil {
		return dst, err
	}
	key := keyOf(gnarkBlsG16Tag, sec[0])
	vk, hit := gnarkBlsG16Cache.get(key)
	if !hit {
		if vk, err = parseGnarkBlsGroth16VK(sec[0]); err != nil {
			return dst, err
		}
	}
	nc := len(vk.commit.keys)
	if len(cm) != nc {
		return dst, core.Errorf(core.CodeMalformed, "zk: proof has %d commitments, vk expects %d", len(cm), nc)
	}
	if len(pub)+nc+1 != len(vk.ic) {
		return dst, core.Errorf(core.CodeMalformed, "zk: %d public inputs, vk expects %d", len(pub), len(vk.ic)-nc-1)
	}
	if nc > 0 {
		var ok bool
		if pub, ok = vk.bsb22(pub, cm, pok); !ok {
			return core.Verdict(dst, false), nil
		}
	}
	ok, err := vk.verify(pr, pub, cm, false) // B was subgroup-checked when decoded
	if err != nil {
		return dst, err
	}
	if ok && !hit {
		gnarkBlsG16Cache.put(key, vk, vk.size())
	}
	return core.Verdict(dst, ok), nil
}

// bsb22 checks the Pedersen commitments' proof of knowledge and returns the
// public inputs extended by one challenge per commitment, as gnark's
// groth16.Verify (v0.16.1) derives them:
//
//	hᵢ = hash_to_field("bsb22-commitment", Cᵢ (96-byte x||y) || committed public inputs)
//	ρ  = hash_to_field("G16-BSB22", h₀ || h₁ || ...)
//	Pedersen batch check of (Cᵢ, PoK) with combination coefficient ρ.
func (vk *blsGroth16VK) bsb22(pub []fr.Element, cm []bls.G1Affine, pok *bls.G1Affine) ([]fr.Element, bool) {
	out := make([]fr.Element, len(pub), len(pub)+len(cm))
	copy(out, pub)
	h := hash_to_field.New([]byte("bsb22-commitment"))
	hashed := make([]byte, 0, len(cm)*fr.Bytes)
	for i := range cm {
		h.Reset()
		c := cm[i].RawBytes()
		h.Write(c[:])
		for _, j := range vk.commit.publicCommitted[i] {
			x := out[j-1].Bytes()
			h.Write(x[:])
		}
		d := h.Sum(nil)
		var e fr.Element
		e.SetBytes(d[:min(fr.Bytes, len(d))])
		out = append(out, e)
		eb := e.Bytes()
		hashed = append(hashed, eb[:]...)
	}
	rho, err := fr.Hash(hashed, []byte("G16-BSB22"), 1)
	if err != nil {
		return nil, false
	}
	if err := pedersen.BatchVerifyMultiVk(vk.commit.keys, cm, []bls.G1Affine{*pok}, rho[0]); err != nil {
		return nil, false
	}
	return out, true
}
