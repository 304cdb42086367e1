package poseidon

// The field arithmetic. Both scalar fields are gnark-crypto's fr.Element
// (4 x 64-bit limbs, Montgomery form) for now; the project's own field/bn254fr
// and field/bls12381fr packages have the same method set (Add, Mul, Square,
// SetBigInt, SetBytesCanonical, ...), so switching to them changes only these
// two imports.
import (
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// bnElem is an element of the BN254 scalar field
// r = 21888242871839275222246405745257275088548364400416034343698204186575808495617.
type bnElem = bnfr.Element

// blsElem is an element of the BLS12-381 scalar field
// r = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001.
type blsElem = blsfr.Element

var (
	bnModulus  = bnfr.Modulus()
	blsModulus = blsfr.Modulus()
)
