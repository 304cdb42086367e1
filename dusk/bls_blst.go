//go:build cgo && !purego

package dusk

import (
	blst "github.com/supranational/blst/bindings/go"

	"github.com/hostcrypto/hostcrypto/core"
)

const blstNote = "supranational/blst v0.3.17 via cgo"

func newBLST() blsOps { return blstBLS{} }

// blstBLS is the cgo backend of the Dusk BLS scheme on blst. One
// verification is a few cgo crossings (decode, group check, verify).
type blstBLS struct{}

func blstDecodeG1(b []byte) (*blst.P1Affine, error) {
	p := new(blst.P1Affine).Uncompress(b)
	if p == nil {
		return nil, core.Errorf(core.CodeInvalidPoint, "dusk: bls: point not on the curve")
	}
	if !p.InG1() {
		return nil, core.Errorf(core.CodeNotInSubgroup, "dusk: bls: point not in the prime-order subgroup")
	}
	return p, nil
}

func blstDecodeG2(b []byte) (*blst.P2Affine, error) {
	p := new(blst.P2Affine).Uncompress(b)
	if p == nil {
		return nil, core.Errorf(core.CodeInvalidPoint, "dusk: bls: point not on the curve")
	}
	if !p.InG2() {
		return nil, core.Errorf(core.CodeNotInSubgroup, "dusk: bls: point not in the prime-order subgroup")
	}
	return p, nil
}

func (blstBLS) verify(pkB, sigB, msg []byte) (bool, error) {
	pk, err := blstDecodeG2(pkB)
	if err != nil {
		return false, err
	}
	sig, err := blstDecodeG1(sigB)
	if err != nil {
		return false, err
	}
	// Groups already checked; pkValidate also refuses the identity.
	return sig.Verify(false, pk, true, msg, []byte(blsH0DST)), nil
}

func (blstBLS) verifyMulti(pkBs [][]byte, ts [][32]byte, sigB, msg []byte) (bool, error) {
	pks := make(blst.P2Affines, len(pkBs))
	scalars := make([]byte, 0, 32*len(ts))
	for i, b := range pkBs {
		p, err := blstDecodeG2(b)
		if err != nil {
			return false, err
		}
		pks[i] = *p
		scalars = append(scalars, ts[i][:]...)
	}
	sig, err := blstDecodeG1(sigB)
	if err != nil {
		return false, err
	}
	apk := pks.Mult(scalars, 255).ToAffine()
	// pkValidate refuses an identity aggregate key, as Dusk's is_valid does.
	return sig.Verify(false, apk, true, msg, []byte(blsH0DST)), nil
}
