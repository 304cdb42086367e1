package poseidon

// The field arithmetic: the project's own Montgomery field packages
// (field/bn254fr, field/bls12381fr: 4 x 64-bit limbs, kernels chosen by
// dispatch). Their Element has gnark-crypto's fr.Element method set, which
// the package was first written against; the two are interchangeable here
// by changing these imports and the four encoding helpers in encode.go.
import (
	blsfr "github.com/hostcrypto/hostcrypto/field/bls12381fr"
	bnfr "github.com/hostcrypto/hostcrypto/field/bn254fr"
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
