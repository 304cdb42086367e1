package dusk

import (
	"strings"

	"github.com/consensys/gnark-crypto/ecc"
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	fr381 "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// gnarkBLS is the portable backend of the Dusk BLS scheme on gnark-crypto.
type gnarkBLS struct{}

// decodeG1 decompresses a prechecked, non-identity G1 point and checks it
// is on the curve and in the subgroup.
func gnarkDecodeG1(b []byte) (bls.G1Affine, error) {
	var p bls.G1Affine
	_, err := p.SetBytes(b)
	return p, gnarkPointErr(err)
}

func gnarkDecodeG2(b []byte) (bls.G2Affine, error) {
	var p bls.G2Affine
	_, err := p.SetBytes(b)
	return p, gnarkPointErr(err)
}

func gnarkPointErr(err error) error {
	switch {
	case err == nil:
		return nil
	case strings.Contains(err.Error(), "subgroup"):
		return core.Errorf(core.CodeNotInSubgroup, "dusk: bls: point not in the prime-order subgroup")
	default:
		return core.Errorf(core.CodeInvalidPoint, "dusk: bls: point not on the curve")
	}
}

func (gnarkBLS) verify(pkB, sigB, msg []byte) (bool, error) {
	pk, err := gnarkDecodeG2(pkB)
	if err != nil {
		return false, err
	}
	sig, err := gnarkDecodeG1(sigB)
	if err != nil {
		return false, err
	}
	return gnarkPairingCheck(&pk, &sig, msg)
}

// gnarkPairingCheck reports e(sig, G2) == e(H0(msg), pk).
func gnarkPairingCheck(pk *bls.G2Affine, sig *bls.G1Affine, msg []byte) (bool, error) {
	if pk.IsInfinity() {
		return false, nil
	}
	h, err := bls.HashToG1(msg, []byte(blsH0DST))
	if err != nil {
		return false, core.Errorf(core.CodeInternal, "dusk: bls: hash to G1: %v", err)
	}
	h.Neg(&h)
	_, _, _, g2 := bls.Generators()
	ok, err := bls.PairingCheck([]bls.G1Affine{*sig, h}, []bls.G2Affine{g2, *pk})
	if err != nil {
		return false, core.Errorf(core.CodeInternal, "dusk: bls: pairing: %v", err)
	}
	return ok, nil
}

func (gnarkBLS) verifyMulti(pkBs [][]byte, ts [][32]byte, sigB, msg []byte) (bool, error) {
	apk, err := gnarkAggregate(pkBs, ts)
	if err != nil {
		return false, err
	}
	sig, err := gnarkDecodeG1(sigB)
	if err != nil {
		return false, err
	}
	return gnarkPairingCheck(&apk, &sig, msg)
}

// gnarkAggregate returns sum t_i*pk_i.
func gnarkAggregate(pkBs [][]byte, ts [][32]byte) (bls.G2Affine, error) {
	pks := make([]bls.G2Affine, len(pkBs))
	scalars := make([]fr381.Element, len(pkBs))
	for i, b := range pkBs {
		var err error
		if pks[i], err = gnarkDecodeG2(b); err != nil {
			return bls.G2Affine{}, err
		}
		scalars[i], err = fr381.LittleEndian.Element(&ts[i])
		if err != nil {
			return bls.G2Affine{}, core.Errorf(core.CodeInternal, "dusk: bls: coefficient not reduced")
		}
	}
	var apk bls.G2Affine
	if _, err := apk.MultiExp(pks, scalars, ecc.MultiExpConfig{NbTasks: 1}); err != nil {
		return bls.G2Affine{}, core.Errorf(core.CodeInternal, "dusk: bls: multiexp: %v", err)
	}
	return apk, nil
}
