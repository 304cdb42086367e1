package zk

import (
	"encoding/binary"

	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/hash_to_field"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/pedersen"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// gnark's binary formats (gnark v0.16.1, unchanged since v0.9): points as
// gnark-crypto encodes them, compressed (WriteTo) or uncompressed
// (WriteRawTo); the two most significant bits of a BN254 point's first byte
// say which (00: uncompressed, else compressed). Slices are a 4-byte
// big-endian length followed by the elements; integers are big-endian.

// reader walks a gnark encoding with bounds checks on every length read
// from it, so that no header can make it allocate more than the input could
// hold. Errors are sticky: after the first, every read returns zero values.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = core.Errorf(core.CodeMalformed, "zk: "+format, args...)
	}
}

func (r *reader) setErr(err error) {
	if r.err == nil {
		r.err = err
	}
}

// next returns the next n bytes.
func (r *reader) next(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.fail("truncated gnark encoding")
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *reader) u32() uint32 {
	b := r.next(4)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

func (r *reader) u64() uint64 {
	b := r.next(8)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// count reads a 4-byte slice length and checks that that many elements of
// at least minSize bytes each fit in what is left.
func (r *reader) count(minSize int) int {
	n := r.u32()
	if r.err != nil {
		return 0
	}
	if uint64(n)*uint64(minSize) > uint64(len(r.b)) {
		r.fail("slice length %d exceeds the input", n)
		return 0
	}
	return int(n)
}

// done fails unless every byte was consumed.
func (r *reader) done() error {
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d trailing bytes", len(r.b))
	}
	return r.err
}

// bnG1 reads a BN254 G1 point in gnark-crypto encoding (32 bytes
// compressed, 64 uncompressed), checked on the curve.
func (r *reader) bnG1(p *bn.G1Affine) {
	if r.err != nil || len(r.b) == 0 {
		r.fail("truncated gnark encoding")
		return
	}
	n := bn.SizeOfG1AffineUncompressed
	if r.b[0]&0xC0 != 0 {
		n = bn.SizeOfG1AffineCompressed
	}
	b := r.next(n)
	if b == nil {
		return
	}
	if _, err := p.SetBytes(b); err != nil {
		r.setErr(core.Errorf(core.CodeInvalidPoint, "zk: bn254 G1 point: %v", err))
	}
}

// bnG2 reads a BN254 G2 point (64 bytes compressed, 128 uncompressed),
// checked on the twist and in the order-r subgroup.
func (r *reader) bnG2(p *bn.G2Affine) {
	if r.err != nil || len(r.b) == 0 {
		r.fail("truncated gnark encoding")
		return
	}
	n := bn.SizeOfG2AffineUncompressed
	if r.b[0]&0xC0 != 0 {
		n = bn.SizeOfG2AffineCompressed
	}
	b := r.next(n)
	if b == nil {
		return
	}
	if _, err := p.SetBytes(b); err != nil {
		r.setErr(core.Errorf(core.CodeInvalidPoint, "zk: bn254 G2 point: %v", err))
	}
}

// bnCommitInfo is the BSB22 part of a gnark Groth16 verifying key: one
// Pedersen verifying key per commitment, and for each the (1-based) indices
// of the public inputs the commitment also hashes.
type bnCommitInfo struct {
	keys            []pedersen.VerifyingKey
	publicCommitted [][]uint64
}

// parseGnarkBnGroth16VK decodes a gnark groth16 BN254 verifying key:
//
//	[α]1 [β]1 [β]2 [γ]2 [δ]1 [δ]2 | u32 len(K) | K (G1) |
//	u32 m | m × (u32 k | k × u64 index) | u32 c | c × ([G]2 [−σG]2)
func parseGnarkBnGroth16VK(b []byte) (*bnGroth16VK, error) {
	r := &reader{b: b}
	var alpha, beta1, delta1 bn.G1Affine
	var beta, gamma, delta bn.G2Affine
	r.bnG1(&alpha)
	r.bnG1(&beta1)
	r.bnG2(&beta)
	r.bnG2(&gamma)
	r.bnG1(&delta1)
	r.bnG2(&delta)
	k := make([]bn.G1Affine, r.count(bn.SizeOfG1AffineCompressed))
	for i := range k {
		r.bnG1(&k[i])
	}
	var ci bnCommitInfo
	ci.publicCommitted = make([][]uint64, r.count(4))
	for i := range ci.publicCommitted {
		ci.publicCommitted[i] = make([]uint64, r.count(8))
		for j := range ci.publicCommitted[i] {
			ci.publicCommitted[i][j] = r.u64()
		}
	}
	ci.keys = make([]pedersen.VerifyingKey, r.count(2*bn.SizeOfG2AffineCompressed))
	for i := range ci.keys {
		r.bnG2(&ci.keys[i].G)
		r.bnG2(&ci.keys[i].GSigmaNeg)
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
	vk, err := prepareBnGroth16(&alpha, &beta, &gamma, &delta, k)
	if err != nil {
		return nil, err
	}
	vk.commit = ci
	return vk, nil
}

// parseGnarkBnGroth16Proof decodes a gnark groth16 BN254 proof:
//
//	[A]1 [B]2 [C]1 | u32 c | c × commitment (G1) | proof of knowledge (G1)
func parseGnarkBnGroth16Proof(b []byte) (*bnGroth16Proof, []bn.G1Affine, *bn.G1Affine, error) {
	r := &reader{b: b}
	var pr bnGroth16Proof
	r.bnG1(&pr.a)
	r.bnG2(&pr.b)
	r.bnG1(&pr.c)
	cm := make([]bn.G1Affine, r.count(bn.SizeOfG1AffineCompressed))
	for i := range cm {
		r.bnG1(&cm[i])
	}
	var pok bn.G1Affine
	r.bnG1(&pok)
	if err := r.done(); err != nil {
		return nil, nil, nil, err
	}
	return &pr, cm, &pok, nil
}

// parseGnarkBnWitness decodes gnark's public witness (witness.MarshalBinary
// of the public part): u32 nbPublic | u32 nbSecret (must be 0) | u32 len |
// len × 32-byte big-endian scalars < r.
func parseGnarkBnWitness(b []byte) ([]fr.Element, error) {
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

const gnarkBnG16Tag = "groth16_bn254_verify_gnark"

var gnarkBnG16Cache = newLRU[*bnGroth16VK]()

// runGnarkBnGroth16 is groth16_bn254_verify_gnark.
func runGnarkBnGroth16(dst, in []byte) ([]byte, error) {
	sec, err := wire.Sections(in, 3, "zk")
	if err != nil {
		return dst, err
	}
	// Every count is checked against the lengths and the other sections
	// before any point is decoded.
	if _, err := scanGnarkGroth16(sec, &bnSizes, fr.Bytes); err != nil {
		return dst, err
	}
	pr, cm, pok, err := parseGnarkBnGroth16Proof(sec[1])
	if err != nil {
		return dst, err
	}
	pub, err := parseGnarkBnWitness(sec[2])
	if err != nil {
		return dst, err
	}
	key := keyOf(gnarkBnG16Tag, sec[0])
	vk, hit := gnarkBnG16Cache.get(key)
	if !hit {
		if vk, err = parseGnarkBnGroth16VK(sec[0]); err != nil {
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
		gnarkBnG16Cache.put(key, vk, vk.size())
	}
	return core.Verdict(dst, ok), nil
}

// bsb22 checks the Pedersen commitments' proof of knowledge and returns the
// public inputs extended by one challenge per commitment, as gnark's
// groth16.Verify (v0.16.1) derives them:
//
//	hᵢ = hash_to_field("bsb22-commitment", Cᵢ (64-byte x||y) || committed public inputs)
//	ρ  = hash_to_field("G16-BSB22", h₀ || h₁ || ...)
//	Pedersen batch check of (Cᵢ, PoK) with combination coefficient ρ.
func (vk *bnGroth16VK) bsb22(pub []fr.Element, cm []bn.G1Affine, pok *bn.G1Affine) ([]fr.Element, bool) {
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
	if err := pedersen.BatchVerifyMultiVk(vk.commit.keys, cm, []bn.G1Affine{*pok}, rho[0]); err != nil {
		return nil, false
	}
	return out, true
}
