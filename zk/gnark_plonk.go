package zk

import (
	"bytes"
	"encoding/binary"
	"unsafe"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"
	plonkbls "github.com/consensys/gnark/backend/plonk/bls12-381"
	plonkbn "github.com/consensys/gnark/backend/plonk/bn254"
	"github.com/consensys/gnark/logger"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

func init() {
	// gnark's verifiers log every call to stdout at debug level; a host
	// function must not write to the embedder's stdout.
	logger.Disable()
}

// pointSizes describes a curve's gnark-crypto point encodings.
type pointSizes struct {
	g1c, g1u, g2c, g2u int
	// compressed reports whether a point whose first byte is b is in
	// compressed form.
	compressed func(b byte) bool
	fr         int
	lines      int // bytes of kzg.VerifyingKey.Lines (raw Montgomery limbs)
}

var (
	bnSizes = pointSizes{
		g1c: bn.SizeOfG1AffineCompressed, g1u: bn.SizeOfG1AffineUncompressed,
		g2c: bn.SizeOfG2AffineCompressed, g2u: bn.SizeOfG2AffineUncompressed,
		compressed: func(b byte) bool { return b&0xC0 != 0 },
		fr:         bnfr.Bytes,
		lines:      binary.Size(&[2][2][len(bn.LoopCounter)]bn.LineEvaluationAff{}),
	}
	blsSizes = pointSizes{
		g1c: bls.SizeOfG1AffineCompressed, g1u: bls.SizeOfG1AffineUncompressed,
		g2c: bls.SizeOfG2AffineCompressed, g2u: bls.SizeOfG2AffineUncompressed,
		// 0b000 uncompressed, 0b010 uncompressed infinity; else compressed.
		compressed: func(b byte) bool { m := b & 0xE0; return m != 0x00 && m != 0x40 },
		fr:         blsfr.Bytes,
		lines:      binary.Size(&[2][2][len(bls.LoopCounter) - 1]bls.LineEvaluationAff{}),
	}
)

// skipG1 and skipG2 step over one point, reading only its flag byte.
func (r *reader) skipG1(s *pointSizes) {
	if r.Err() == nil && r.Len() > 0 && s.compressed(r.Peek()) {
		r.Next(s.g1c)
	} else {
		r.Next(s.g1u)
	}
}

func (r *reader) skipG2(s *pointSizes) {
	if r.Err() == nil && r.Len() > 0 && s.compressed(r.Peek()) {
		r.Next(s.g2c)
	} else {
		r.Next(s.g2u)
	}
}

// readExactly runs a gnark ReadFrom on b, turning a panic or an error into
// core.ErrMalformed-class errors and requiring every byte to be consumed.
func readExactly(what string, b []byte, read func(*bytes.Reader) (int64, error)) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = core.Errorf(core.CodeMalformed, "zk: gnark %s: %v", what, p)
		}
	}()
	n, err := read(bytes.NewReader(b))
	if err != nil {
		return core.Errorf(core.CodeMalformed, "zk: gnark %s: %v", what, err)
	}
	if n != int64(len(b)) {
		return core.Errorf(core.CodeMalformed, "zk: gnark %s: %d trailing bytes", what, int64(len(b))-n)
	}
	return nil
}

// parseWitness decodes a gnark public witness (see parseGnarkBnWitness) into
// canonical scalars of frBytes bytes, set by set.
func parseWitness(b []byte, frBytes int, set func(i int, s []byte) error, alloc func(n int)) error {
	r := newReader(b)
	nbPublic := r.U32()
	nbSecret := r.U32()
	n := r.Count(frBytes)
	alloc(n)
	for i := range n {
		s := r.Next(frBytes)
		if s == nil {
			break
		}
		if err := set(i, s); err != nil {
			return core.Errorf(core.CodeNonCanonical, "zk: gnark witness scalar >= r")
		}
	}
	if err := r.Done(); err != nil {
		return err
	}
	if nbSecret != 0 || uint64(nbPublic) != uint64(n) {
		return core.Errorf(core.CodeMalformed, "zk: gnark witness is not a public witness (%d public, %d secret, %d values)", nbPublic, nbSecret, n)
	}
	return nil
}

// verdictOf maps a gnark verifier's result: nil is valid, any error invalid,
// a panic (an inconsistent key) malformed.
func verdictOf(dst []byte, verify func() error) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = dst, core.Errorf(core.CodeMalformed, "zk: gnark verifier: %v", p)
		}
	}()
	return core.Verdict(dst, verify() == nil), nil
}

const (
	gnarkBnPlonkTag  = "plonk_bn254_gnark_verify"
	gnarkBlsPlonkTag = "plonk_bls12381_gnark_verify"
)

var (
	gnarkBnPlonkCache  = newLRU[*plonkbn.VerifyingKey]()
	gnarkBlsPlonkCache = newLRU[*plonkbls.VerifyingKey]()
)

// runGnarkBnPlonk is plonk_bn254_gnark_verify: gnark v0.16.1's PLONK
// verifier (Fiat-Shamir over SHA-256, KZG batch opening) on gnark's
// encodings, after bounds-checking their structure.
func runGnarkBnPlonk(dst, in []byte) ([]byte, error) {
	sec, err := wire.Sections(in, 3, "zk")
	if err != nil {
		return dst, err
	}
	// Every count is checked against the lengths and the other sections
	// before any point is decoded.
	if _, err := scanGnarkPlonk(sec, &bnSizes); err != nil {
		return dst, err
	}
	var pr plonkbn.Proof
	if err := readExactly("proof", sec[1], func(r *bytes.Reader) (int64, error) { return pr.ReadFrom(r) }); err != nil {
		return dst, err
	}
	var pub bnfr.Vector
	if err := parseWitness(sec[2], bnfr.Bytes,
		func(i int, s []byte) error { return pub[i].SetBytesCanonical(s) },
		func(n int) { pub = make(bnfr.Vector, n) }); err != nil {
		return dst, err
	}
	key := keyOf(gnarkBnPlonkTag, sec[0])
	vk, hit := gnarkBnPlonkCache.get(key)
	if !hit {
		vk = new(plonkbn.VerifyingKey)
		if err := readExactly("verifying key", sec[0], func(r *bytes.Reader) (int64, error) { return vk.ReadFrom(r) }); err != nil {
			return dst, err
		}
		if err := checkPlonkShape(vk.NbPublicVariables, vk.Size, len(vk.Qcp), len(vk.CommitmentConstraintIndexes)); err != nil {
			return dst, err
		}
	}
	if err := checkPlonkCounts(len(pub), vk.NbPublicVariables, len(pr.Bsb22Commitments), len(pr.BatchedProof.ClaimedValues), len(vk.Qcp)); err != nil {
		return dst, err
	}
	out, err := verdictOf(dst, func() error { return plonkbn.Verify(&pr, vk, pub) })
	if err == nil && out[len(out)-1] == 1 && !hit {
		gnarkBnPlonkCache.put(key, vk, int(unsafe.Sizeof(*vk))+len(vk.Qcp)*int(unsafe.Sizeof(vk.Qcp[0]))+8*len(vk.CommitmentConstraintIndexes))
	}
	return out, err
}

// runGnarkBlsPlonk is plonk_bls12381_gnark_verify.
func runGnarkBlsPlonk(dst, in []byte) ([]byte, error) {
	sec, err := wire.Sections(in, 3, "zk")
	if err != nil {
		return dst, err
	}
	// Every count is checked against the lengths and the other sections
	// before any point is decoded.
	if _, err := scanGnarkPlonk(sec, &blsSizes); err != nil {
		return dst, err
	}
	var pr plonkbls.Proof
	if err := readExactly("proof", sec[1], func(r *bytes.Reader) (int64, error) { return pr.ReadFrom(r) }); err != nil {
		return dst, err
	}
	var pub blsfr.Vector
	if err := parseWitness(sec[2], blsfr.Bytes,
		func(i int, s []byte) error { return pub[i].SetBytesCanonical(s) },
		func(n int) { pub = make(blsfr.Vector, n) }); err != nil {
		return dst, err
	}
	key := keyOf(gnarkBlsPlonkTag, sec[0])
	vk, hit := gnarkBlsPlonkCache.get(key)
	if !hit {
		vk = new(plonkbls.VerifyingKey)
		if err := readExactly("verifying key", sec[0], func(r *bytes.Reader) (int64, error) { return vk.ReadFrom(r) }); err != nil {
			return dst, err
		}
		if err := checkPlonkShape(vk.NbPublicVariables, vk.Size, len(vk.Qcp), len(vk.CommitmentConstraintIndexes)); err != nil {
			return dst, err
		}
	}
	if err := checkPlonkCounts(len(pub), vk.NbPublicVariables, len(pr.Bsb22Commitments), len(pr.BatchedProof.ClaimedValues), len(vk.Qcp)); err != nil {
		return dst, err
	}
	out, err := verdictOf(dst, func() error { return plonkbls.Verify(&pr, vk, pub) })
	if err == nil && out[len(out)-1] == 1 && !hit {
		gnarkBlsPlonkCache.put(key, vk, int(unsafe.Sizeof(*vk))+len(vk.Qcp)*int(unsafe.Sizeof(vk.Qcp[0]))+8*len(vk.CommitmentConstraintIndexes))
	}
	return out, err
}

// checkPlonkShape rejects verifying keys gnark's verifier cannot use: the
// domain size must be a power of two with room for the public inputs, and
// there must be one constraint index per BSB22 commitment.
func checkPlonkShape(nbPublic, size uint64, nQcp, nIdx int) error {
	if size == 0 || size&(size-1) != 0 || nbPublic > size {
		return core.Errorf(core.CodeMalformed, "zk: gnark plonk vk: domain size %d, %d public inputs", size, nbPublic)
	}
	if nQcp != nIdx {
		return core.Errorf(core.CodeMalformed, "zk: gnark plonk vk: %d Qcp for %d commitment indexes", nQcp, nIdx)
	}
	return nil
}

// checkPlonkCounts turns gnark's count mismatches into ErrMalformed (gnark
// reports them as verification errors).
func checkPlonkCounts(nPub int, nbPublic uint64, nCommit, nClaimed, nQcp int) error {
	switch {
	case uint64(nPub) != nbPublic:
		return core.Errorf(core.CodeMalformed, "zk: %d public inputs, vk expects %d", nPub, nbPublic)
	case nCommit != nQcp:
		return core.Errorf(core.CodeMalformed, "zk: proof has %d commitments, vk expects %d", nCommit, nQcp)
	case nClaimed != 6+nQcp:
		return core.Errorf(core.CodeMalformed, "zk: proof has %d claimed values, expected %d", nClaimed, 6+nQcp)
	}
	return nil
}
